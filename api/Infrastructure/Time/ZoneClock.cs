namespace Gaoxin.Api.Infrastructure.Time;

/// <summary>
/// The zone's calendar: days begin at midnight China Standard Time (UTC+8, no daylight saving), whatever the
/// server's time zone. "Today" and "recorded on that day" mean the zone's day.
/// </summary>
public static class ZoneClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>The first instant after the given zone day; for the calendar's last day, the last instant there is.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => day >= LastFullDay
        ? DateTimeOffset.MaxValue
        : new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>The last day whose end can be written in the zone's time and still be an instant .NET can hold.</summary>
    private static readonly DateOnly LastFullDay = DateOnly.MaxValue.AddDays(-1);

    /// <summary>A wall-clock time in the zone (a date-time sent without an offset) as an instant.</summary>
    public static DateTimeOffset AtZoneTime(DateTime wallClock) =>
        wallClock - DateTime.MinValue < Offset ? DateTimeOffset.MinValue : new(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), Offset);
}
