using System.Globalization;
using Gaoxin.Api.Infrastructure.Time;

namespace Gaoxin.Api.Infrastructure.Json;

/// <summary>
/// <c>asOf</c> on reads: the data as it was recorded by the end of a zone day (<c>2024-05-01</c>), or at an exact
/// instant (<c>2024-05-01T09:30:00Z</c>). One rule for time: what is written without an offset is the zone's time
/// (UTC+8), for a day and a date-time alike.
/// </summary>
public readonly record struct AsOfQuery(DateTimeOffset Cutoff)
{
    /// <summary>Longer than any ISO 8601 instant with offset and fractions: refused unparsed.</summary>
    public const int MaxLength = 40;

    public static bool TryParse(string? text, out AsOfQuery result)
    {
        result = default;
        if (text is null || text.Length > MaxLength)
        {
            return false;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            result = new AsOfQuery(ZoneClock.EndOf(day));
            return true;
        }
        if (text is not { Length: > 10 } || text[10] != 'T')
        {
            return false;
        }
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', '-'], 11) > 0;
        if (hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            result = new AsOfQuery(instant);
            return true;
        }
        if (!hasOffset && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock))
        {
            result = new AsOfQuery(ZoneClock.AtZoneTime(wallClock));
            return true;
        }
        return false;
    }
}
