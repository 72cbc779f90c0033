using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Observations;
using MediatR;

namespace Gaoxin.Api.Features.Observations.GetObservationHistory;

public sealed record GetObservationHistoryQuery(string Indicator, string Park, string Period, string? Cursor = null, int Limit = GetObservationHistoryQuery.DefaultLimit)
    : IQuery<ObservationRevisionPage>, IObservationKey
{
    public const int DefaultLimit = 100;
}

public sealed class GetObservationHistoryValidator : AbstractValidator<GetObservationHistoryQuery>
{
    public GetObservationHistoryValidator()
    {
        this.AddKeyRules();
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out var id) && (id is null || long.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out _)));
    }
}

/// <summary>
/// A figure's history, oldest first, a page at a time. Each revision shows the value before it, so a page after the
/// first reads one revision more (the one its cursor names) to know what came before its first item.
/// </summary>
public sealed class GetObservationHistoryHandler(ReadDatabase db) : IRequestHandler<GetObservationHistoryQuery, ObservationRevisionPage>
{
    private const string Sql = $"""
        select r.id, r.version, r.action, recorded_time(r.recorded_txid, r.recorded_at) as recorded_at, r.recorded_by, r.value, r.breakdown::text as breakdown_json, r.as_of, r.note,
               i.breakdown::text as definition_json, {SourceColumns.Columns}
        from observation_revisions r
        join indicators i on i.id = r.indicator_id
        left join sources s on s.id = r.source_id
        where r.indicator_id = @IndicatorId and r.park_id = @ParkId and r.period = @Period
          and (@After::bigint is null or r.id >= @After)
        order by r.id
        limit @Take
        """;

    private sealed class RevisionRow : SourceColumns
    {
        public long Id { get; init; }
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

    public async Task<ObservationRevisionPage> Handle(GetObservationHistoryQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var (indicatorId, parkId, period) = await ObservationKeyRules.ResolveAsync(
            (sql, parameters) => connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)), query);

        CodeCursor.TryDecode(query.Cursor, out var afterText);
        long? after = afterText is null ? null : long.Parse(afterText, System.Globalization.CultureInfo.InvariantCulture);
        var rows = (await connection.QueryAsync<RevisionRow>(new CommandDefinition(Sql,
            new { IndicatorId = indicatorId, ParkId = parkId, Period = period.Canonical, After = after, Take = query.Limit + (after is null ? 1 : 2) },
            cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0 && after is null)
        {
            throw ObservationErrors.NotFound(query.Indicator, query.Park, period.Canonical);
        }

        var history = new List<(long Id, ObservationRevisionDto Dto)>(rows.Count);
        RevisionRow? previous = null;
        foreach (var row in rows)
        {
            var definition = StoredBreakdown.Parse(row.DefinitionJson);
            // After a deletion, the next revision starts from nothing.
            var before = previous is { Action: not RevisionAction.Deleted } ? previous : null;
            history.Add((row.Id, new ObservationRevisionDto
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
            }));
            previous = row;
        }

        // The revision the cursor names came along only as the "before" of this page's first item.
        var items = after is null ? history : history.Skip(1).ToList();
        var (page, next) = Keyset.Page(items, query.Limit, r => r.Dto, r => CodeCursor.Encode(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ObservationRevisionPage { Items = page, NextCursor = next };
    }
}
