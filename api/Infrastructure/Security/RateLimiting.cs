using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gaoxin.Api.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Infrastructure.Security;

/// <summary>
/// A fixed window of a minute per client, owned here rather than taken from ASP.NET Core's limiter, because clients
/// must be told where they stand on every answer (RateLimit-Limit, -Remaining, -Reset, as GitHub sends them) and that
/// limiter does not expose when its window resets. It runs before keys are looked up, so requests past the limit,
/// bogus keys included, cost no database work. A client is the key's public prefix when a key is sent, else its
/// address (IPv6 by its /64, which one household or server usually holds whole).
/// With <c>RateLimits:Shared</c> (several API processes behind one address), the budget is one across them all:
/// see <see cref="RateLimitSharing"/>.
/// </summary>
public sealed class RateLimiting(IOptions<SecuritySettings> settings, TimeProvider clock, RateLimitSharing sharing)
{
    internal sealed class Window
    {
        public required string Client;
        public long Minute;
        /// <summary>The requests admitted this minute, as far as this process knows: its own and the others' last shared.</summary>
        public int Count;
        /// <summary>This process's requests not yet added to the shared count.</summary>
        public int Unshared;
        /// <summary>Whether this window has been shared once this minute, so the count includes the other processes'.</summary>
        public bool Known;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _lastSweep;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var (client, limit) = ClientOf(context);
        if (limit <= 0 || IsProbe(context.Request.Path))
        {
            await next(context);
            return;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var minute = now / 60;
        var reset = (int)((minute + 1) * 60 - now);
        Sweep(minute);
        var window = _windows.GetOrAdd(client, name => new Window { Client = name, Minute = minute });
        int count;
        bool known;
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
                window.Unshared = 0;
                window.Known = false;
            }
            count = ++window.Count;
            window.Unshared++;
            known = window.Known;
        }
        if (sharing.Enabled && !known)
        {
            // The first request of a minute here asks what the other processes admitted, so a client that moves to
            // this process does not start from zero.
            count = await sharing.ShareAsync([window], context.RequestAborted) ?? count;
        }

        // Set as the answer starts, so that error answers (written after the exception handler clears the response) carry them too.
        var headers = context.Response.Headers;
        context.Response.OnStarting(() =>
        {
            headers["RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
            headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        if (count <= limit)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
        var problem = ProblemExceptionHandler.Create(Problems.RequestRateLimited, new($"请求过于频繁，请在 {reset} 秒后重试。", $"Too many requests; retry in {reset} seconds."));
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    private (string Client, int Limit) ClientOf(HttpContext context)
    {
        var limits = settings.Value;
        if (ApiKeyAuthenticationHandler.PresentedKey(context.Request) is { Length: > 0 } key)
        {
            return ("key:" + (ApiKeyFormat.PrefixOf(key) ?? "malformed"), limits.PermitsPerMinute);
        }
        return ("ip:" + AddressBucket(context.Connection.RemoteIpAddress), limits.AnonymousPermitsPerMinute);
    }

    /// <summary>
    /// Health probes are never limited: a load balancer probing from the same address as a busy anonymous client must
    /// not see a healthy process as down (nor spend the client's budget). The contract says so too.
    /// </summary>
    public static bool IsProbe(PathString path) => path.StartsWithSegments("/health");

    /// <summary>An IPv4 address as it is; an IPv6 address by its /64 network (an IPv4-mapped one as IPv4).</summary>
    public static string AddressBucket(IPAddress? address)
    {
        if (address is null)
        {
            return "";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>This minute's windows, for <see cref="RateLimitSharing"/> to share.</summary>
    internal IReadOnlyList<Window> CurrentWindows()
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        return [.. _windows.Values.Where(w => Volatile.Read(ref w.Minute) == minute)];
    }

    /// <summary>Drops the windows of past minutes, once a minute, so the table holds only current clients.</summary>
    private void Sweep(long minute)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (last == minute || Interlocked.CompareExchange(ref _lastSweep, minute, last) != last)
        {
            return;
        }
        foreach (var (client, window) in _windows)
        {
            if (window.Minute < minute)
            {
                _windows.TryRemove(client, out _);
            }
        }
    }
}
