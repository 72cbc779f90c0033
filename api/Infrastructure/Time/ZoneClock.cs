namespace Gaoxin.Api.Infrastructure.Time;

/// <summary>
/// The zone's calendar: days begin at midnight China Standard Time (UTC+8, no daylight saving), whatever the
/// server's time zone. "Today" and "recorded on that day" mean the zone's day.
/// </summary>
public static class ZoneClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The first instant after the given zone day.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);
}
