using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.GetParkRound;

/// <summary>
/// A park's round in full, and the on-demand check: its figures beside the previous period's and last year's, every
/// rule they break now with the values and what to do, the explanations, what the caller may do next, the history.
/// </summary>
public sealed record GetParkRoundQuery(string DataSet, string Period, string Park) : IQuery<ParkRoundDto>;

public sealed class GetParkRoundHandler(ReadDatabase db, TimeProvider clock, ICaller caller) : IRequestHandler<GetParkRoundQuery, ParkRoundDto>
{
    private const string History = """
        select action, from_state, to_state, comment, recorded_at, recorded_by from round_events
        where data_set_id = @SetId and period = @Period and park_id = @ParkId order by id
        """;

    private sealed record EventRow
    {
        public string Action { get; init; } = "";
        public string FromState { get; init; } = "";
        public string ToState { get; init; } = "";
        public string? Comment { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public string RecordedBy { get; init; } = "";
    }

    public async Task<ParkRoundDto> Handle(GetParkRoundQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var set = await DataSetRow.LoadAsync(connection, null, query.DataSet, cancellationToken);
        var period = set.PeriodOf(query.Period);
        var book = await RoundBook.LoadAsync(connection, null, set, [period], clock.Today(), clock.GetUtcNow(), cancellationToken);
        var park = book.Park(query.Park, period.Canonical);
        var events = await connection.QueryAsync<EventRow>(new CommandDefinition(History, new { SetId = set.Id, Period = period.Canonical, ParkId = park.Id }, cancellationToken: cancellationToken));
        return new ParkRoundDto
        {
            Round = set.Round(period),
            Status = book.Summary(park, period),
            Figures = book.Figures(park, period),
            Violations = book.Violations(park, period),
            AllowedActions = book.AllowedActions(caller, park, period),
            History = events.Select(e => new RoundEventDto
            {
                Action = Enum<RoundAction>(e.Action), From = Enum<RoundState>(e.FromState), To = Enum<RoundState>(e.ToState),
                Comment = e.Comment, At = e.RecordedAt, By = e.RecordedBy,
            }).ToList(),
        };
    }

    private static T Enum<T>(string stored) where T : struct, Enum => System.Enum.Parse<T>(stored, ignoreCase: true);
}
