using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gaoxin.Api.Infrastructure.Localization;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>What one attempt to send a message came to.</summary>
public sealed record SendResult(bool Succeeded, int? Status, string? Error, string? Excerpt, int LatencyMs, TimeSpan? RetryAfter);

/// <summary>
/// Sends signed messages to subscribers, safely: every connection goes only to an address <see cref="TargetAddresses"/>
/// allows, resolved at connect time (so a name that changes to an internal address after it was saved is still
/// refused); redirects are not followed (a 3xx is a failure, as Standard Webhooks says); the answer must come within
/// the timeout and at most a few KB of it are read. Nothing logged here holds a secret, a signature or a body.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const int ExcerptChars = 500;
    private const int MaxResponseBytes = 4096;

    private readonly HttpClient _http;
    private readonly TargetAddresses _addresses;
    private readonly WebhookSettings _settings;

    public WebhookSender(IOptions<WebhookSettings> settings)
    {
        _settings = settings.Value;
        _addresses = TargetAddresses.From(_settings.AllowedNetworks);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false, // a proxy would connect on our behalf to addresses we never checked
            UseCookies = false,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1), // names are resolved (and checked) again at least this often
            MaxResponseHeadersLength = 64, // KB
            ConnectCallback = ConnectAsync,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public TargetAddresses Addresses => _addresses;

    /// <summary>The host's addresses, or a literal address itself.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        Exception? last = null;
        foreach (var address in addresses)
        {
            if (_addresses.RefusalOf(address) is { } refusal)
            {
                last = new TargetRefusedException(address, refusal);
                continue;
            }
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    public async Task<SendResult> SendAsync(string url, string messageId, string body, IReadOnlyList<byte[]> keys, TimeProvider clock, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigning.Header(keys, messageId, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Gaoxin-Webhooks/1.0");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.Timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            return new SendResult(status is >= 200 and < 300, status, null, excerpt, Elapsed(started), RetryAfterOf(response, clock));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Failed(started, Lang.Pick($"{_settings.Timeout.TotalSeconds:0} 秒内未应答。", $"No answer within {_settings.Timeout.TotalSeconds:0} s."));
        }
        catch (HttpRequestException e)
        {
            return Failed(started, e.InnerException is TargetRefusedException refused ? refused.Message : Lang.Pick("无法连接：", "Could not connect: ") + (e.InnerException?.Message ?? e.Message));
        }
    }

    private static SendResult Failed(long started, string error) => new(false, null, error, null, Elapsed(started), null);

    private static int Elapsed(long started) => (int)Math.Min(int.MaxValue, Stopwatch.GetElapsedTime(started).TotalMilliseconds);

    /// <summary>The start of the answer, as text: enough to see why a receiver refused, never a large download.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes];
        var read = 0;
        while (read < buffer.Length && await stream.ReadAsync(buffer.AsMemory(read), cancellationToken) is var n and > 0)
        {
            read += n;
        }
        if (read == 0)
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(buffer, 0, read);
        return text.Length > ExcerptChars ? text[..ExcerptChars] : text;
    }

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow(),
        _ => null,
    };

    public void Dispose() => _http.Dispose();
}

/// <summary>A connection refused because the address is not one webhooks may reach.</summary>
public sealed class TargetRefusedException(IPAddress address, Text kind)
    : Exception(Lang.Pick($"目标地址 {address} 是{kind.Zh}，不允许投递。", $"Target address {address} is {kind.En}: not allowed."));
