using Dapper;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Features.Targets;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Evaluations;
using Gaoxin.Contracts.Targets;
using Npgsql;

namespace Gaoxin.Api.Features.Evaluations;

/// <summary>
/// One evaluation: the scheme version (the one asked for; else the one recorded by <c>asOf</c>; else the latest), the
/// compared parks (asked for, or the zone's own parks), their inputs for the period as recorded at <c>asOf</c>, and
/// the scores. Results and explanations both come from here, so they never disagree.
/// </summary>
public static class EvaluationReads
{
    public sealed record Evaluation(SchemeVersionRow Scheme, SchemeFields Fields, Period Period, IReadOnlyList<ParkResultDto> Parks);

    private sealed record Figure(string IndicatorCode, string ParkCode, decimal? Value);

    private sealed record TargetValue(string IndicatorCode, string ParkCode, decimal Value, TargetDirection Direction);

    public static async Task<SchemeVersionRow> SchemeAsync(NpgsqlConnection connection, string code, int? version, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var sql = SchemeVersionRow.Select + "\nwhere s.code = @code" + version switch
        {
            not null => " and v.version = @version",
            null when asOf is not null => " and recorded_time(v.recorded_txid, v.recorded_at) < @asOf order by v.version desc limit 1",
            _ => " and v.version = s.version",
        };
        return await connection.QuerySingleOrDefaultAsync<SchemeVersionRow>(new CommandDefinition(sql, new { code, version, asOf }, cancellationToken: cancellationToken))
            ?? (await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from evaluation_schemes where code = @code)", new { code }, cancellationToken: cancellationToken))
                ? throw SchemeErrors.VersionNotFound(code, version ?? 0)
                : throw SchemeErrors.NotFound(code));
    }

    public static async Task<Evaluation> EvaluateAsync(NpgsqlConnection connection, SchemeVersionRow scheme, string periodText, IReadOnlyList<string> parkCodes,
        DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        Period.TryParse(periodText, out var period);
        var fields = scheme.Fields;
        var parks = await ParksAsync(connection, parkCodes, cancellationToken);
        var leaves = SchemeScoring.Leaves(fields.Root).ToList();
        var indicators = leaves.SelectMany(l => new[] { l.Leaf!.IndicatorCode, l.Leaf.DenominatorCode }).OfType<string>().Distinct().ToArray();
        var codes = parks.Select(p => p.Code).ToArray();
        var parameters = new
        {
            Indicators = indicators, Parks = codes, Period = period.Canonical, PeriodStart = period.Start, PeriodEnd = period.End,
            Cutoff = asOf ?? DateTimeOffset.MaxValue, On = DateOnly.MaxValue,
        };
        var figures = (await connection.QueryAsync<Figure>(new CommandDefinition($"""
            select i.code as indicator_code, p.code as park_code, a.value
            from indicators i cross join parks p
            left join lateral ({ObservationRow.FigureWithin(asOf is not null, "i.id", "p.id", "@Period", "@PeriodStart", "@PeriodEnd", "null::text")}) a on true
            where i.code = any(@Indicators) and p.code = any(@Parks)
            """, parameters, cancellationToken: cancellationToken))).ToDictionary(f => (f.IndicatorCode, f.ParkCode), f => f.Value);
        var targets = (await connection.QueryAsync<TargetValue>(new CommandDefinition($"""
            select i.code as indicator_code, p.code as park_code, t.value, t.direction
            from {TargetRow.State(asOf is not null)} t join indicators i on i.id = t.indicator_id join parks p on p.id = t.park_id
            where t.period = @Period and t.member is null and i.code = any(@Indicators) and p.code = any(@Parks)
            """, parameters, cancellationToken: cancellationToken))).ToDictionary(t => (t.IndicatorCode, t.ParkCode));

        var inputs = parks.Select(park => new ParkInputs(park.Code, Lang.Pick(park.NameZh, park.NameEn),
            leaves.ToDictionary(leaf => leaf.Code, leaf => ValueOf(leaf.Leaf!, park.Code, figures, targets)),
            leaves.ToDictionary(leaf => leaf.Code, leaf => targets.TryGetValue((leaf.Leaf!.IndicatorCode, park.Code), out var t) ? t.Value : (decimal?)null))).ToList();
        var names = Nodes(fields.Root).ToDictionary(n => n.Code, n => Lang.Pick(n.Names.Zh, n.Names.En));
        var results = SchemeScoring.Score(fields.Root, fields.MissingInputs, inputs).Select(score => new ParkResultDto
        {
            ParkCode = score.ParkCode, ParkName = score.ParkName, Total = score.Total, Rank = score.Rank,
            MissingInputs = score.MissingInputs, Root = ToDto(score.Root, names),
        }).ToList();
        return new Evaluation(scheme, fields, period, results);
    }

    /// <summary>A leaf's value for a park: the figure; a ratio's quotient; a target's attainment (0–1). Null when missing.</summary>
    private static decimal? ValueOf(LeafDto leaf, string park, Dictionary<(string, string), decimal?> figures, Dictionary<(string, string), TargetValue> targets)
    {
        var figure = figures.GetValueOrDefault((leaf.IndicatorCode, park));
        switch (leaf.Kind)
        {
            case LeafKind.Ratio:
                var denominator = figures.GetValueOrDefault((leaf.DenominatorCode!, park));
                return figure is { } n && denominator is { } d && d != 0 ? Math.Round(n / d, 6) : null;
            case LeafKind.TargetAttainment:
                if (figure is not { } actual || !targets.TryGetValue((leaf.IndicatorCode, park), out var target))
                {
                    return null;
                }
                var attained = target.Direction == TargetDirection.AtMost
                    ? (actual <= 0 ? 1m : target.Value / actual)
                    : (target.Value == 0 ? 1m : actual / target.Value);
                return Math.Round(Math.Clamp(attained, 0m, 1m), 6);
            default:
                return figure;
        }
    }

    private static async Task<List<(long Id, string Code, string NameZh, string NameEn)>> ParksAsync(NpgsqlConnection connection, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            // The zone's own parks ("many parks" of 一区多园): the places right under the zone.
            return (await connection.QueryAsync<(long, string, string, string)>(new CommandDefinition("""
                select p.id, p.code, p.name_zh, p.name_en from parks p join parks zone on zone.id = p.parent_id and zone.kind = 'zone' order by p.code
                """, cancellationToken: cancellationToken))).ToList();
        }
        var found = (await connection.QueryAsync<(long Id, string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select id, code, name_zh, name_en from parks where code = any(@codes)", new { codes = codes.ToArray() }, cancellationToken: cancellationToken))).ToList();
        if (codes.FirstOrDefault(code => found.All(f => f.Code != code)) is { } unknown)
        {
            throw ParkErrors.NotFound(unknown);
        }
        return codes.Distinct().Select(code => found.First(f => f.Code == code)).ToList();
    }

    public static IEnumerable<SchemeNodeDto> Nodes(SchemeNodeDto node) => [node, .. (node.Children ?? []).SelectMany(Nodes)];

    private static NodeScoreDto ToDto(NodeScore score, IReadOnlyDictionary<string, string> names) => new()
    {
        Code = score.Code, Name = names[score.Code], Weight = score.Weight, EffectiveWeight = Math.Round(score.EffectiveWeight, 4),
        Contribution = Math.Round(score.Contribution, 4), Value = score.Value, Normalised = score.Normalised, Missing = score.Missing,
        Children = score.Children?.Select(child => ToDto(child, names)).ToList(),
    };
}
