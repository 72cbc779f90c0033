using System.Globalization;
using Gaoxin.Api.Infrastructure.Errors;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>
/// Read-your-writes across processes and standbys. A write's answer carries <c>Gaoxin-Consistency</c>: the position
/// in PostgreSQL's write-ahead log just after its commit. A read that sends it back is served by a standby only once
/// that standby has replayed past it, else by the primary (<see cref="ReadDatabase"/>). One per request; a query
/// run after a command in the same request needs what the command wrote, so that counts too.
/// </summary>
public sealed class Consistency
{
    public const string Header = "Gaoxin-Consistency";

    /// <summary>The log position this request's reads must see, if any: the one it sent, or the one it wrote.</summary>
    public ulong? Required { get; private set; }

    /// <summary>The log position just after this request's last commit, sent back as its token.</summary>
    public ulong? Written { get; private set; }

    /// <summary>Set after a standby failed a read: the rest of the request reads the primary.</summary>
    public bool PrimaryOnly { get; private set; }

    public void Require(ulong position) => Required = Math.Max(Required ?? 0, position);

    public void Wrote(ulong position)
    {
        Written = Math.Max(Written ?? 0, position);
        Require(position);
    }

    public void ReadPrimaryOnly() => PrimaryOnly = true;

    /// <summary>PostgreSQL's text form of a log position: two hexadecimal halves, <c>16/B374D848</c>.</summary>
    public static bool TryParse(string? text, out ulong position)
    {
        position = 0;
        var slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash is < 1 or > 8 || text.Length - slash - 1 is < 1 or > 8 ||
            !uint.TryParse(text.AsSpan(0, slash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var high) ||
            !uint.TryParse(text.AsSpan(slash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var low))
        {
            return false;
        }
        position = ((ulong)high << 32) | low;
        return true;
    }

    public static string Format(ulong position) =>
        string.Create(CultureInfo.InvariantCulture, $"{position >> 32:X}/{position & 0xFFFFFFFF:X}");
}

public static class ConsistencySetup
{
    /// <summary>Takes the token a request sends (refusing a malformed one) and sends back the one its write made.</summary>
    public static IApplicationBuilder UseConsistencyTokens(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var consistency = context.RequestServices.GetRequiredService<Consistency>();
        // Sent empty (as generated clients do for an optional header left out), it is no token at all.
        if (context.Request.Headers.TryGetValue(Consistency.Header, out var sent) && !(sent.Count == 1 && string.IsNullOrEmpty(sent[0])))
        {
            if (sent.Count != 1 || !Consistency.TryParse(sent[0], out var position))
            {
                throw new ApiException(Problems.RequestInvalidConsistencyToken, new(
                    $"{Consistency.Header} 应原样使用此前写入响应中的值，例如 0/16B3748。",
                    $"Send {Consistency.Header} back exactly as an earlier write's answer gave it, e.g. 0/16B3748."));
            }
            consistency.Require(position);
        }
        // Only a request that may write can earn a token; reads, the hot path, register nothing.
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.OnStarting(() =>
            {
                if (consistency.Written is { } written && context.Response.StatusCode < 300)
                {
                    context.Response.Headers[Consistency.Header] = Consistency.Format(written);
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    });
}
