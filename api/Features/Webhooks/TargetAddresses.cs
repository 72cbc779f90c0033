using System.Net;
using System.Net.Sockets;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// Which addresses a webhook may be sent to. A subscriber chooses the URL, so without this rule the platform would
/// POST wherever it is told: to its own database port on loopback, to the zone's intranet, to a cloud's metadata
/// service. Refused unless the operator allow-listed the network (Webhooks:AllowedNetworks); checked when a
/// subscription is saved and again for every connection, against the address actually connected to (DNS rebinding).
/// </summary>
public sealed class TargetAddresses(IReadOnlyList<IPNetwork> allowed)
{
    public static TargetAddresses From(IEnumerable<string> allowedNetworks) => new([.. allowedNetworks.Select(IPNetwork.Parse)]);

    /// <summary>Why an address is refused (null: it may be connected to).</summary>
    public Text? RefusalOf(IPAddress address)
    {
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return IsAllowListed(normal) ? null : ClassOf(normal) is { } refused ? Describe(refused) : null;
    }

    public bool IsAllowListed(IPAddress address)
    {
        var normal = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return allowed.Any(network => network.Contains(normal));
    }

    /// <summary>The kind of non-public address this is, or null for a public one. Pure, so it is tested address by address.</summary>
    public static string? ClassOf(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        foreach (var (network, kind) in address.AddressFamily == AddressFamily.InterNetwork ? V4 : V6)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }
        // IPv6 forms that carry an IPv4 address (NAT64, 6to4) are judged by the address they carry.
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            if (Nat64.Contains(address))
            {
                return ClassOf(new IPAddress(bytes[12..16]));
            }
            if (SixToFour.Contains(address))
            {
                return ClassOf(new IPAddress(bytes[2..6]));
            }
        }
        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6 ? null : "reserved";
    }

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    // Most specific first: the metadata addresses sit inside link-local and shared ranges.
    private static readonly (IPNetwork, string)[] V4 =
    [
        (IPNetwork.Parse("169.254.169.254/32"), "metadata"),
        (IPNetwork.Parse("100.100.100.200/32"), "metadata"), // Alibaba Cloud
        (IPNetwork.Parse("0.0.0.0/8"), "unspecified"),
        (IPNetwork.Parse("10.0.0.0/8"), "private"),
        (IPNetwork.Parse("100.64.0.0/10"), "private"), // carrier-grade NAT
        (IPNetwork.Parse("127.0.0.0/8"), "loopback"),
        (IPNetwork.Parse("169.254.0.0/16"), "linkLocal"),
        (IPNetwork.Parse("172.16.0.0/12"), "private"),
        (IPNetwork.Parse("192.0.0.0/24"), "reserved"),
        (IPNetwork.Parse("192.0.2.0/24"), "reserved"),
        (IPNetwork.Parse("192.88.99.0/24"), "reserved"),
        (IPNetwork.Parse("192.168.0.0/16"), "private"),
        (IPNetwork.Parse("198.18.0.0/15"), "reserved"),
        (IPNetwork.Parse("198.51.100.0/24"), "reserved"),
        (IPNetwork.Parse("203.0.113.0/24"), "reserved"),
        (IPNetwork.Parse("224.0.0.0/4"), "multicast"),
        (IPNetwork.Parse("240.0.0.0/4"), "reserved"), // and 255.255.255.255
    ];

    private static readonly (IPNetwork, string)[] V6 =
    [
        (IPNetwork.Parse("fd00:ec2::254/128"), "metadata"), // AWS over IPv6
        (IPNetwork.Parse("::/128"), "unspecified"),
        (IPNetwork.Parse("::1/128"), "loopback"),
        (IPNetwork.Parse("::/96"), "reserved"), // IPv4-compatible, deprecated
        (IPNetwork.Parse("100::/64"), "reserved"),
        (IPNetwork.Parse("2001::/32"), "reserved"), // Teredo
        (IPNetwork.Parse("2001:db8::/32"), "reserved"),
        (IPNetwork.Parse("fc00::/7"), "private"),
        (IPNetwork.Parse("fe80::/10"), "linkLocal"),
        (IPNetwork.Parse("fec0::/10"), "private"),
        (IPNetwork.Parse("ff00::/8"), "multicast"),
    ];

    private static Text Describe(string kind) => kind switch
    {
        "metadata" => new("云平台元数据地址", "a cloud metadata address"),
        "unspecified" => new("未指定地址", "an unspecified address"),
        "private" => new("内网地址", "a private network address"),
        "loopback" => new("本机回环地址", "a loopback address"),
        "linkLocal" => new("链路本地地址", "a link-local address"),
        "multicast" => new("组播地址", "a multicast address"),
        _ => new("保留地址", "a reserved address"),
    };
}
