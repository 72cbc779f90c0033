using Gaoxin.Api.Infrastructure.Time;

namespace Gaoxin.Api.Features.Projects;

/// <summary>The day a read judges for: the one asked, else the asOf moment's day in the zone (UTC+8), else today.</summary>
public static class ProjectDays
{
    public static DateOnly Judged(DateOnly? on, DateTimeOffset? asOf, TimeProvider clock) =>
        on ?? (asOf is { } cutoff ? DateOnly.FromDateTime(cutoff.ToOffset(ZoneClock.Offset).AddTicks(-1).DateTime) : clock.Today());
}
