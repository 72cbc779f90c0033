using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>
/// What every transition shares: one round's transitions run one at a time (an advisory lock per set and period, so a
/// park's approval and its sub-park's return cannot cross), each checks the state and the caller's role against
/// <see cref="RoundWorkflow"/>, and each is recorded as the park's new state (audit log, change feed) and an event.
/// </summary>
public sealed class RoundTransitions(DbSession session, ICaller caller, TimeProvider clock)
{
    public sealed record Context(RoundBook Book, Period Period, RoundBook.ParkInfo Park, RoundState State);

    /// <summary>Locks the round, reads it, and checks that the caller may take the action from the park's state.</summary>
    public async Task<Context> BeginAsync(string setCode, string periodText, string parkCode, RoundAction action, CancellationToken cancellationToken)
    {
        var set = await DataSetRow.LoadAsync(session.Connection, session.Transaction, setCode, cancellationToken);
        var period = set.PeriodOf(periodText);
        await session.ExecuteAsync("select pg_advisory_xact_lock(714748302, hashtext(@Key))", new { Key = $"{set.Code}/{period.Canonical}" }, cancellationToken);
        return await ReadAsync(set, period, parkCode, action, cancellationToken);
    }

    /// <summary>Reads the round again (after explanations were saved), with the same checks.</summary>
    public async Task<Context> ReadAsync(DataSetRow set, Period period, string parkCode, RoundAction action, CancellationToken cancellationToken)
    {
        var book = await RoundBook.LoadAsync(session.Connection, session.Transaction, set, [period], clock.Today(), clock.GetUtcNow(), cancellationToken);
        var park = book.Park(parkCode, period.Canonical);
        if (!RoundWorkflow.MayTake(action, book.RolesOf(caller, park)))
        {
            throw RoundWorkflow.Needs(action) == RoundWorkflow.Role.Reporter ? ParkScope.OutsideScope(park.Code) : RoundErrors.NotReviewer(action, park.Code);
        }
        var state = book.StateOf(park, period);
        if (action != RoundAction.Unlock && RoundWorkflow.Target(action, state) is null)
        {
            throw RoundErrors.TransitionNotAllowed(action, state);
        }
        return new Context(book, period, park, state);
    }

    // The columns each review step sets besides the state. Publication is stamped with the database's clock: asOf reads
    // figures by their commit times, so asOf=publishedAt must read exactly what was committed before it.
    private static readonly Dictionary<RoundAction, string> Columns = new()
    {
        [RoundAction.Approve] = "approved_at = @Now, approved_by = @By",
        [RoundAction.Return] = "returned_at = @Now, returned_by = @By, approved_at = null, approved_by = null",
        [RoundAction.Publish] = "published_at = now(), published_by = @By, last_published_at = now()",
        [RoundAction.Reopen] = "approved_at = null, approved_by = null, published_at = null, published_by = null",
    };

    // Only a submission can be a park's first transition (every other one starts from a submitted state), so only it inserts.
    private const string Submit = """
        insert into round_states (data_set_id, period, period_start, period_end, park_id, code, state, first_submitted_at, submitted_at, submitted_by,
                                  comment, recorded_at, recorded_by)
        values (@SetId, @Period, @Start, @End, @ParkId, @Code, @State, @Now, @Now, @By, @Comment, @Now, @By)
        on conflict (data_set_id, period, park_id) do update
        set state = excluded.state, first_submitted_at = coalesce(round_states.first_submitted_at, excluded.first_submitted_at),
            submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by, comment = excluded.comment,
            version = round_states.version + 1, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
        """;

    private const string Event = """
        insert into round_events (data_set_id, period, park_id, action, from_state, to_state, comment, recorded_at, recorded_by)
        values (@SetId, @Period, @ParkId, @Action, @From, @To, @Comment, @Now, @By)
        """;

    /// <summary>Moves the park to the action's state and records it.</summary>
    public async Task MoveAsync(Context context, RoundAction action, string? comment, CancellationToken cancellationToken)
    {
        var values = Values(context, comment, action, context.State, RoundWorkflow.Target(action, context.State)!.Value);
        await session.ExecuteAsync(action == RoundAction.Submit ? Submit : $"""
            update round_states set state = @State, {Columns[action]}, comment = @Comment, version = version + 1, recorded_at = @Now, recorded_by = @By
            where data_set_id = @SetId and period = @Period and park_id = @ParkId
            """, values, cancellationToken);
        await session.ExecuteAsync(Event, values, cancellationToken);
    }

    /// <summary>Records an event that does not change the state (an unlock).</summary>
    public Task RecordAsync(Context context, RoundAction action, string comment, CancellationToken cancellationToken) =>
        session.ExecuteAsync(Event, Values(context, comment, action, context.State, context.State), cancellationToken);

    private object Values(Context context, string? comment, RoundAction action, RoundState from, RoundState to) => new
    {
        SetId = context.Book.Set.Id, Period = context.Period.Canonical, context.Period.Start, context.Period.End, ParkId = context.Park.Id,
        Code = $"{context.Book.Set.Code}/{context.Period.Canonical}/{context.Park.Code}", State = RoundWorkflow.Stored(to),
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), Now = clock.GetUtcNow(), By = caller.DisplayName,
        Action = action.ToString().ToLowerInvariant(), From = Db(from), To = Db(to),
    };

    private static string Db(RoundState state) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(state.ToString());
}
