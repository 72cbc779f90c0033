using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>
/// The lock a write to a figure meets, asked of the database's <c>figure_lock</c> (migration 0023), the one definition
/// of a lock. Writers take the table's write lock before asking: a submission holds a lock that conflicts with it while
/// it checks the figures and changes state, so a write either lands before the submission reads, or sees its state.
/// </summary>
public static class RoundLocks
{
    public sealed record Found
    {
        public string DataSetCode { get; init; } = "";
        public string Reason { get; init; } = "";
        public string? ByWhom { get; init; }
        public DateTimeOffset? At { get; init; }
        public DateOnly? ClosesOn { get; init; }

        public RoundLockDto ToDto(string parkCode, string period) => new()
        {
            DataSetCode = DataSetCode, Period = period, ParkCode = parkCode, Reason = Reason, By = ByWhom, At = At, ClosesOn = ClosesOn,
            HowToUnlock = Lang.Pick(RoundErrors.HowToUnlock(Reason)),
        };
    }

    /// <summary>Waits out a submission in progress, then refuses (423) a write to a figure a round locks.</summary>
    public static async Task EnsureWritableAsync(DbSession session, TimeProvider clock, long indicatorId, long parkId, string parkCode, Period period, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("lock table observations in row exclusive mode", null, cancellationToken);
        var found = await session.QuerySingleOrDefaultAsync<Found>(
            "select data_set_code, reason, by_whom, at, closes_on from figure_lock(@indicatorId, @parkId, @Period, @Start, @End, @Today, @Now)",
            new { indicatorId, parkId, Period = period.Canonical, period.Start, period.End, Today = clock.Today(), Now = clock.GetUtcNow() }, cancellationToken);
        if (found is not null)
        {
            throw RoundErrors.Locked(found.ToDto(parkCode, period.Canonical));
        }
    }

    /// <summary>
    /// For an import: the figures it would change that a round locks, with the lock, into <c>import_locks</c>. Figures it
    /// leaves unchanged are not writes and pass; indicators no set collects are not asked about.
    /// </summary>
    public const string ImportLocks = """
        create temp table import_locks on commit drop as
        select f.indicator_id, f.park_id, f.period, l.data_set_code, l.reason, l.by_whom, l.at, l.closes_on
        from import_figures f
        cross join lateral figure_lock(f.indicator_id, f.park_id, f.period, f.period_start, f.period_end, @Today, @Now) l
        where f.action <> 'unchanged' and f.problem is null and not f.rejected
          and f.indicator_id in (select indicator_id from data_set_indicators);
        update import_figures f set problem = 'round.locked'
        from import_locks l where l.indicator_id = f.indicator_id and l.park_id = f.park_id and l.period = f.period;
        """;
}
