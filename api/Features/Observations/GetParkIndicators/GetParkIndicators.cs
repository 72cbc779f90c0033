using Dapper;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Observations.GetParkIndicators;

public sealed record GetParkIndicatorsQuery(string Code, bool IncludeDescendants, DateTimeOffset? AsOf) : IQuery<IReadOnlyList<ParkIndicatorValueDto>>;

/// <summary>
/// The latest figure of every indicator for a park. With sub-parks included, a park's own figure wins; a park
/// without one gets its sub-parks' figures combined by the indicator's aggregation (sum, latest, or none). A sum adds
/// figures of one period only, the latest any sub-park has: 18 enterprises as of 2023-03-31 and 13 in 2024-Q4 are not
/// 31 of anything. The parks whose figures make it up are named (parkCodes).
/// </summary>
public sealed class GetParkIndicatorsHandler(NpgsqlDataSource db, TimeProvider clock) : IRequestHandler<GetParkIndicatorsQuery, IReadOnlyList<ParkIndicatorValueDto>>
{
    private const string Tree = """
        with recursive tree (id, parent_id, depth) as (
            select id, parent_id, 0 from parks where code = @Code
            union all
            select c.id, c.parent_id, t.depth + 1 from parks c join tree t on c.parent_id = t.id where @IncludeDescendants
        )
        select id, parent_id from tree
        """;

    private const string Latest = """

        where o.park_id = any(@ParkIds)
        order by o.indicator_id, o.park_id, o.period_end desc, o.period_start desc
        """;

    // The current state: one range of latest_observations, kept by the statements that write observations (migration
    // 0024), instead of one index probe into observations per (park, indicator).
    private const string LatestCurrent = $"""
        select {ObservationRow.ColumnList}
        from latest_observations o
        join indicators i on i.id = o.indicator_id
        join parks p on p.id = o.park_id
        left join sources s on s.id = o.source_id
        {ObservationRow.RecordedJoin}
        where o.park_id = any(@ParkIds) and o.id is not null
        """;

    private const string IndicatorsSql = IndicatorRow.Select + "\nwhere i.id = any(@Ids)";

    private sealed record Figure(ObservationRow Row, decimal Value, IReadOnlyDictionary<string, decimal> Parts, IReadOnlyList<string> ParkCodes, bool RolledUp);

    public async Task<IReadOnlyList<ParkIndicatorValueDto>> Handle(GetParkIndicatorsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var tree = (await connection.QueryAsync<(long Id, long? ParentId)>(new CommandDefinition(Tree,
            new { query.Code, query.IncludeDescendants }, cancellationToken: cancellationToken))).ToList();
        if (tree.Count == 0)
        {
            throw ParkErrors.NotFound(query.Code);
        }
        var rootId = tree[0].Id;
        var children = tree.Where(p => p.ParentId is not null).ToLookup(p => p.ParentId!.Value, p => p.Id);

        // DISTINCT ON keeps, per indicator and park, the figure of the latest period.
        var sql = query.AsOf is null ? LatestCurrent : ObservationRow.Select(asOf: true, distinctOn: "o.indicator_id, o.park_id") + Latest;
        var rows = (await connection.QueryAsync<ObservationRow>(new CommandDefinition(sql,
            new { ParkIds = tree.Select(p => p.Id).ToArray(), Cutoff = query.AsOf?.ToUniversalTime() }, cancellationToken: cancellationToken))).ToList();

        var indicatorIds = rows.Select(r => r.IndicatorId).Distinct().ToArray();
        var indicators = (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(IndicatorsSql, new { Ids = indicatorIds }, cancellationToken: cancellationToken)))
            .ToDictionary(i => i.Id);

        var today = clock.Today();
        var result = new List<ParkIndicatorValueDto>();
        foreach (var group in rows.GroupBy(r => r.IndicatorId))
        {
            var indicator = indicators[group.Key];
            var own = group.ToDictionary(r => r.ParkId);
            if (Resolve(rootId, indicator.Aggregation, own, children) is not { } figure)
            {
                continue;
            }
            result.Add(new ParkIndicatorValueDto
            {
                IndicatorCode = indicator.Code,
                Name = Lang.Pick(indicator.NameZh, indicator.NameEn),
                Category = indicator.Category,
                ValueKind = indicator.ValueKind,
                Value = figure.Value,
                Unit = indicator.Unit,
                Period = figure.Row.Period,
                AsOf = figure.Row.AsOf,
                Source = figure.RolledUp && figure.ParkCodes.Count > 1 ? null : figure.Row.ToSourceDto(),
                Breakdown = StoredBreakdown.Values(indicator.Breakdown, figure.Parts, v => v),
                Progress = figure.Row.Progress(figure.Value, today),
                RolledUp = figure.RolledUp,
                ParkCodes = figure.ParkCodes,
            });
        }
        return result.OrderBy(r => r.Category).ThenBy(r => r.IndicatorCode, StringComparer.Ordinal).ToList();
    }

    private static Figure? Resolve(long parkId, Aggregation aggregation, IReadOnlyDictionary<long, ObservationRow> own, ILookup<long, long> children)
    {
        if (own.TryGetValue(parkId, out var row))
        {
            return new Figure(row, row.Value, row.BreakdownValues, [row.ParkCode], RolledUp: false);
        }
        if (aggregation == Aggregation.None)
        {
            return null;
        }
        var parts = children[parkId].Select(child => Resolve(child, aggregation, own, children)).OfType<Figure>().ToList();
        if (parts.Count == 0)
        {
            return null;
        }
        var latest = parts.MaxBy(f => (f.Row.PeriodEnd, f.Row.AsOf))!;
        if (aggregation == Aggregation.Latest)
        {
            return latest with { RolledUp = true };
        }
        var samePeriod = parts.Where(f => f.Row.Period == latest.Row.Period).ToList();
        var members = samePeriod.SelectMany(f => f.Parts).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
        return new Figure(latest.Row, samePeriod.Sum(f => f.Value), members, samePeriod.SelectMany(f => f.ParkCodes).Order(StringComparer.Ordinal).ToList(), RolledUp: true);
    }
}
