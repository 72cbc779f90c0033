using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// The check a target URL passes when a subscription is saved: its host resolves, to addresses webhooks may reach,
/// and it is https unless on a network the operator allowed. The same rule runs again at every connection
/// (<see cref="WebhookSender"/>): this one is for a clear answer now, that one is the guarantee.
/// </summary>
public sealed class WebhookTargets(WebhookSender sender, IOptions<WebhookSettings> settings)
{
    public async Task CheckAsync(string url, CancellationToken cancellationToken)
    {
        var uri = new Uri(url, UriKind.Absolute); // the validator has checked its form
        System.Net.IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            addresses = await WebhookSender.ResolveAsync(uri.IdnHost, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ArgumentException && !cancellationToken.IsCancellationRequested)
        {
            throw WebhookErrors.Unresolvable(uri.Host);
        }
        if (addresses.Length == 0)
        {
            throw WebhookErrors.Unresolvable(uri.Host);
        }
        foreach (var address in addresses)
        {
            if (sender.Addresses.RefusalOf(address) is { } refusal)
            {
                throw WebhookErrors.TargetNotAllowed(uri.Host, address.ToString(), refusal);
            }
        }
        if (uri.Scheme != Uri.UriSchemeHttps && settings.Value.RequireHttps && !addresses.All(sender.Addresses.IsAllowListed))
        {
            throw WebhookErrors.HttpsRequired(uri.Host);
        }
    }
}
