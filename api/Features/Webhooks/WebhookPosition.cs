using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// A place in the merged feed that webhooks deliver: (batch, stream, id), where stream 0 is the change feed and 1 the
/// match feed. Within a batch (one committed transaction) its changes come before its match events.
/// </summary>
public readonly record struct WebhookPosition(long Batch, short Stream, long Id) : IComparable<WebhookPosition>
{
    public const short Changes = 0;
    public const short Matches = 1;

    /// <summary>After everything in this batch.</summary>
    public static WebhookPosition EndOf(long batch) => new(batch, Matches, long.MaxValue);

    public static WebhookPosition Last { get; } = EndOf(long.MaxValue);

    /// <summary>The change id to read after in this position's batch (everything, when past the changes).</summary>
    public long ChangeAfter => Stream == Changes ? Id : long.MaxValue;

    /// <summary>The match event id to read after in this position's batch (nothing yet, when still among the changes).</summary>
    public long MatchAfter => Stream == Matches ? Id : 0;

    /// <summary>As an inclusive upper bound: the last change id of this batch that is within it.</summary>
    public long ChangeUpTo => Stream == Changes ? Id : long.MaxValue;

    /// <summary>As an inclusive upper bound: the last match event id of this batch that is within it.</summary>
    public long MatchUpTo => Stream == Matches ? Id : 0;

    public string EventId => (Stream == Changes ? "chg_" : "mat_") + Id.ToString(CultureInfo.InvariantCulture);

    public string Encode() => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(FormattableString.Invariant($"w:{Batch}:{Stream}:{Id}")));

    public int CompareTo(WebhookPosition other) =>
        Batch != other.Batch ? Batch.CompareTo(other.Batch) : Stream != other.Stream ? Stream.CompareTo(other.Stream) : Id.CompareTo(other.Id);

    public static bool operator <(WebhookPosition a, WebhookPosition b) => a.CompareTo(b) < 0;
    public static bool operator >(WebhookPosition a, WebhookPosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(WebhookPosition a, WebhookPosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(WebhookPosition a, WebhookPosition b) => a.CompareTo(b) >= 0;

    /// <summary>An event id as delivered (chg_12, mat_3): its stream and id; false when it is not one.</summary>
    public static bool TryParseEventId(string eventId, out short stream, out long id)
    {
        stream = eventId.StartsWith("chg_", StringComparison.Ordinal) ? Changes : Matches;
        id = 0;
        return (eventId.StartsWith("chg_", StringComparison.Ordinal) || eventId.StartsWith("mat_", StringComparison.Ordinal))
            && long.TryParse(eventId.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;
    }
}
