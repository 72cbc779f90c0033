using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Observations;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Observations.GetObservationHistory;

public sealed record GetObservationHistoryQuery(string Indicator, string Park, string Period) : IQuery<IReadOnlyList<ObservationRevisionDto>>, IObservationKey;

public sealed class GetObservationHistoryValidator : AbstractValidator<GetObservationHistoryQuery>
{
    public GetObservationHistoryValidator() => this.AddKeyRules();
}

public sealed class GetObservationHistoryHandler(NpgsqlDataSource db) : IRequestHandler<GetObservationHistoryQuery, IReadOnlyList<ObservationRevisionDto>>
{
    private const string Sql = $"""
        select r.version, r.action, r.recorded_at, r.recorded_by, r.value, r.breakdown::text as breakdown_json, r.as_of, r.note,
               i.breakdown::text as definition_json, {SourceColumns.Columns}
        from observation_revisions r
        join indicators i on i.id = r.indicator_id
        left join sources s on s.id = r.source_id
        where r.indicator_id = @IndicatorId and r.park_id = @ParkId and r.period = @Period
        order by r.id
        """;

    private sealed class RevisionRow : SourceColumns
    {
        public int Version { get; init; }
        public RevisionAction Action { get; init; }
        public DateTime RecordedAt { get; init; }
        public string RecordedBy { get; init; } = "";
        public decimal? Value { get; init; }
        public string? BreakdownJson { get; init; }
        public DateOnly? AsOf { get; init; }
        public string? Note { get; init; }
        public string? DefinitionJson { get; init; }
    }

    public async Task<IReadOnlyList<ObservationRevisionDto>> Handle(GetObservationHistoryQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var (indicatorId, parkId, period) = await ObservationKeyRules.ResolveAsync(
            (sql, parameters) => connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), query);

        var rows = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(Sql,
            new { IndicatorId = indicatorId, ParkId = parkId, Period = period.Canonical }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            throw ObservationErrors.NotFound(query.Indicator, query.Park, period.Canonical);
        }

        var history = new List<ObservationRevisionDto>(rows.Count);
        RevisionRow? previous = null;
        foreach (var row in rows)
        {
            var definition = StoredBreakdown.Parse(row.DefinitionJson);
            // After a deletion, the next revision starts from nothing.
            var before = previous is { Action: not RevisionAction.Deleted } ? previous : null;
            history.Add(new ObservationRevisionDto
            {
                Version = row.Version,
                Action = row.Action,
                RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
                RecordedBy = row.RecordedBy,
                OldValue = before?.Value,
                NewValue = row.Value,
                OldBreakdown = StoredBreakdown.Values(definition, StoredBreakdown.ParseValues(before?.BreakdownJson), v => v),
                NewBreakdown = StoredBreakdown.Values(definition, StoredBreakdown.ParseValues(row.BreakdownJson), v => v),
                AsOf = row.AsOf,
                Source = row.ToSourceDto(),
                Note = row.Note,
            });
            previous = row;
        }
        return history;
    }
}
