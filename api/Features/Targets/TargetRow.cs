using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Targets;

namespace Gaoxin.Api.Features.Targets;

/// <summary>
/// A target as reads see it, with the figure it is judged by. One query serves the list, the scorecard and a single
/// target, now or as recorded at <c>@Cutoff</c> (targets from their revisions, figures from theirs), for the day
/// <c>@On</c>: a figure counts when it is valid by then (as_of ≤ on) and was recorded before the cutoff.
/// </summary>
public sealed class TargetRow : SourceColumns
{
    /// <summary>The targets as recorded before <c>@Cutoff</c>: per code, the last revision, unless it was a deletion.</summary>
    private const string TargetsAsOf = """
        (select * from (
            select distinct on (r.code) r.code, r.indicator_id, r.park_id, r.period, r.period_start, r.period_end, r.member,
                   r.direction, r.value, r.due_on, r.baseline_value, r.baseline_on, r.source_id, r.note, r.illustrative,
                   r.version, r.recorded_at, r.recorded_txid, r.recorded_by, r.action
            from target_revisions r
            where r.recorded_at < @Cutoff and recorded_time(r.recorded_txid, r.recorded_at) < @Cutoff
            order by r.code, r.id desc) latest
         where latest.action <> 'deleted')
        """;

    /// <summary>The targets now, or as recorded before <c>@Cutoff</c>: a from-clause item.</summary>
    public static string State(bool asOf) => asOf ? TargetsAsOf : "targets";

    /// <summary>
    /// Targets with their indicator, park, source and actual figure; callers add where and order by. The figure is the
    /// target's own period's when there is one, else the latest dated within that period (the "why" says which).
    /// </summary>
    public static string Select(bool asOf) => $"""
        select t.code, i.code as indicator_code, i.name_zh as indicator_name_zh, i.name_en as indicator_name_en, i.unit,
               i.breakdown::text as definition_json,
               p.code as park_code, p.name_zh as park_name_zh, p.name_en as park_name_en,
               t.period, t.period_start, t.period_end, t.member, t.direction, t.value, t.due_on, t.baseline_value, t.baseline_on,
               {SourceColumns.Columns}, t.note, t.illustrative, t.version, recorded_time(t.recorded_txid, t.recorded_at) as recorded_at, t.recorded_by,
               a.period as actual_period, a.as_of as actual_as_of, a.value as actual_value
        from {State(asOf)} t
        join indicators i on i.id = t.indicator_id
        join parks p on p.id = t.park_id
        left join sources s on s.id = t.source_id
        left join lateral ({Observations.ObservationRow.FigureWithin(asOf, "t.indicator_id", "t.park_id", "t.period", "t.period_start", "t.period_end", "t.member")}) a on true
        """;

    public string Code { get; init; } = "";
    public string IndicatorCode { get; init; } = "";
    public string IndicatorNameZh { get; init; } = "";
    public string IndicatorNameEn { get; init; } = "";
    public IndicatorUnit Unit { get; init; }
    public string? DefinitionJson { get; init; }
    public string ParkCode { get; init; } = "";
    public string ParkNameZh { get; init; } = "";
    public string ParkNameEn { get; init; } = "";
    public string Period { get; init; } = "";
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public string? Member { get; init; }
    public TargetDirection Direction { get; init; }
    public decimal Value { get; init; }
    public DateOnly DueOn { get; init; }
    public decimal? BaselineValue { get; init; }
    public DateOnly? BaselineOn { get; init; }
    public string? Note { get; init; }
    public bool Illustrative { get; init; }
    public int Version { get; init; }
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public string? ActualPeriod { get; init; }
    public DateOnly? ActualAsOf { get; init; }
    public decimal? ActualValue { get; init; }

    /// <summary>The natural key as one code: indicator/park/period, and /member for a member's target.</summary>
    public static string CodeOf(string indicator, string park, string period, string? member) =>
        $"{indicator}/{park}/{period}" + (member is null ? "" : "/" + member);

    public TargetDto ToDto(IndicatorUnit unit) => new()
    {
        IndicatorCode = IndicatorCode,
        ParkCode = ParkCode,
        Period = Period,
        Member = Member,
        Direction = Direction,
        Value = Units.Convert(Value, Unit, unit),
        DueOn = DueOn,
        Baseline = BaselineValue is { } baseline && BaselineOn is { } on ? new BaselineDto { Value = Units.Convert(baseline, Unit, unit), On = on } : null,
        SourceCode = SourceCode,
        Note = Note,
        Illustrative = Illustrative,
        Unit = unit,
        Source = ToSourceDto(),
        Version = Version,
        RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)),
        RecordedBy = RecordedBy,
    };

    /// <summary>The target with where it stands on <paramref name="on"/>, in <paramref name="unit"/> (the indicator's by default).</summary>
    public TargetStatusDto ToStatusDto(DateOnly on, IndicatorUnit unit)
    {
        var actual = ActualValue is { } value && ActualPeriod is { } period && ActualAsOf is { } asOf ? new ActualFigure(value, period, asOf) : null;
        var evaluation = TargetRules.Evaluate(Direction, Value, DueOn, PeriodStart, BaselineValue, BaselineOn, actual, on);
        return new TargetStatusDto
        {
            Target = ToDto(unit),
            IndicatorName = Lang.Pick(IndicatorNameZh, IndicatorNameEn),
            ParkName = Lang.Pick(ParkNameZh, ParkNameEn),
            MemberName = Member is null ? null
                : StoredBreakdown.Parse(DefinitionJson)?.Members.FirstOrDefault(m => m.Code == Member) is { } named ? Lang.Pick(named.Zh, named.En) : Member,
            Status = evaluation.Status,
            Actual = actual is null ? null : Units.Convert(actual.Value, Unit, unit),
            ActualPeriod = actual?.Period,
            ActualAsOf = actual?.AsOf,
            Gap = evaluation.Gap is { } gap ? Units.Convert(gap, Unit, unit) : null,
            ShareDone = evaluation.ShareDone is { } done ? Math.Round(done, 4) : null,
            ShareOfTimeGone = evaluation.ShareOfTimeGone,
            Explanation = Lang.Pick(evaluation.Explanation),
        };
    }
}

/// <summary>Which targets a read wants; null parts do not filter.</summary>
public sealed record TargetFilter(string? IndicatorCode, long? ParkId, bool IncludeDescendants, DateOnly? DueBefore, string? AfterCode);

/// <summary>The one read behind the list and the scorecard.</summary>
public static class TargetReads
{
    private static string Sql(bool asOf) => Parks.ParkTree.Within("@ParkId") + TargetRow.Select(asOf) + """

        where (@Indicator::text is null or i.code = @Indicator)
          and (@ParkId::bigint is null or (case when @Descendants then t.park_id in (select id from within) else t.park_id = @ParkId end))
          and (@DueBefore::date is null or t.due_on < @DueBefore)
          and (@After::text is null or t.code > @After)
        order by t.code
        """;

    /// <summary>The targets as recorded at <paramref name="asOf"/> (now when null), with the figures known then for the day <paramref name="on"/>.</summary>
    public static async Task<List<TargetRow>> ReadAsync(Npgsql.NpgsqlConnection connection, TargetFilter filter, DateTimeOffset? asOf, DateOnly on, CancellationToken cancellationToken) =>
        (await Dapper.SqlMapper.QueryAsync<TargetRow>(connection, new Dapper.CommandDefinition(Sql(asOf is not null), new
        {
            Indicator = filter.IndicatorCode, filter.ParkId, Descendants = filter.IncludeDescendants, filter.DueBefore, After = filter.AfterCode,
            Cutoff = asOf ?? DateTimeOffset.MaxValue, On = on,
        }, cancellationToken: cancellationToken))).ToList();

    /// <summary>A park's id by code, for reads (404 naming it when unknown).</summary>
    public static async Task<(long Id, string NameZh, string NameEn)> ParkAsync(Npgsql.NpgsqlConnection connection, string code, CancellationToken cancellationToken) =>
        await Dapper.SqlMapper.QuerySingleOrDefaultAsync<(long, string, string)?>(connection, new Dapper.CommandDefinition(
            "select id, name_zh, name_en from parks where code = @code", new { code }, cancellationToken: cancellationToken))
        ?? throw Parks.ParkErrors.NotFound(code);

    /// <summary>404 naming an indicator code that does not exist.</summary>
    public static async Task EnsureIndicatorAsync(Npgsql.NpgsqlConnection connection, string code, CancellationToken cancellationToken)
    {
        if (!await Dapper.SqlMapper.ExecuteScalarAsync<bool>(connection, new Dapper.CommandDefinition(
                "select exists (select 1 from indicators where code = @code)", new { code }, cancellationToken: cancellationToken)))
        {
            throw Indicators.IndicatorErrors.NotFound(code);
        }
    }
}
