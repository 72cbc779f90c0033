using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;

namespace Gaoxin.Api.Features.Observations;

/// <summary>
/// An observation as reads see it: joined with its indicator (unit, kind, breakdown names, plan date), its park and
/// its source. Reads either the current state or, for <c>asOf</c>, the state as recorded at a cutoff.
/// </summary>
public sealed class ObservationRow : SourceColumns
{
    /// <summary>
    /// The state at <c>@Cutoff</c>: per key, the last revision recorded (committed, migration 0016) before it, unless
    /// that one was a deletion. Writes to one key are serialised by a row lock, so revision ids order them; a revision
    /// is never committed before it was written, so the write time narrows the scan first.
    /// </summary>
    public const string StateAsOf = """
        (select * from (
            select distinct on (r.indicator_id, r.park_id, r.period)
                   r.indicator_id, r.park_id, r.period, r.period_start, r.period_end, r.value, r.breakdown, r.as_of,
                   r.source_id, r.note, r.version, r.recorded_at, r.recorded_txid, r.recorded_by, r.action
            from observation_revisions r
            where r.recorded_at < @Cutoff and recorded_time(r.recorded_txid, r.recorded_at) < @Cutoff
            order by r.indicator_id, r.park_id, r.period, r.id desc) latest
         where latest.action <> 'deleted')
        """;

    /// <summary>
    /// A lateral subquery: the figure an indicator × park has for a period, valid by <c>@On</c> — the period's own
    /// figure when there is one, else the latest dated within it (for a member, that member's). Now it reads the
    /// figures themselves (by the series index); <paramref name="asOf"/> reads them as recorded before <c>@Cutoff</c>
    /// from their revisions. Targets and evaluations judge by it, so both read figures by one rule.
    /// </summary>
    public static string FigureWithin(bool asOf, string indicatorId, string parkId, string period, string periodStart, string periodEnd, string member)
    {
        var figures = asOf
            ? $"""
                (select * from (
                    select distinct on (r.period) r.period, r.period_end, r.value, r.breakdown, r.as_of, r.action
                    from observation_revisions r
                    where r.indicator_id = {indicatorId} and r.park_id = {parkId}
                      and r.period_start >= {periodStart} and r.period_end <= {periodEnd}
                      and r.recorded_at < @Cutoff and recorded_time(r.recorded_txid, r.recorded_at) < @Cutoff
                    order by r.period, r.id desc) latest
                 where latest.action <> 'deleted')
                """
            : $"""
                (select o.period, o.period_end, o.value, o.breakdown, o.as_of from observations o
                 where o.indicator_id = {indicatorId} and o.park_id = {parkId}
                   and o.period_start >= {periodStart} and o.period_start <= {periodEnd} and o.period_end <= {periodEnd})
                """;
        return $"""
            select f.period, f.as_of, case when {member} is null then f.value else (f.breakdown ->> {member})::numeric end as value
            from {figures} f
            where f.as_of <= @On and ({member} is null or f.breakdown ? {member})
            order by (f.period = {period}) desc, f.period_end desc, f.as_of desc
            limit 1
            """;
    }

    /// <summary>The columns, for queries that build their own from and joins (o, i, p, s as here).</summary>
    public const string ColumnList = RowColumns;

    private const string RowColumns = $"""
        i.code as indicator_code, p.code as park_code, p.name_zh as park_name_zh, p.name_en as park_name_en,
               o.park_id, o.indicator_id, o.period, o.period_start, o.period_end, o.value, o.breakdown::text as breakdown_json,
               o.as_of, {SourceColumns.Columns}, o.note, o.version, coalesce(rb.committed_at, o.recorded_at) as recorded_at, o.recorded_by,
               i.unit, i.value_kind, i.breakdown::text as definition_json, i.planned_completion
        """;

    private const string Joins = """
        join indicators i on i.id = o.indicator_id
        join parks p on p.id = o.park_id
        left join sources s on s.id = o.source_id
        """ + "\n" + RecordedJoin;

    /// <summary>
    /// When each row was recorded: its transaction's commit time (migration 0016), joined once for all rows. The same
    /// as recorded_time(), which as a function with a subquery is not inlined and costs a lookup per row (26 ms of a
    /// 2,400-row series, 0.2 s of the zone's dashboard on the bench database).
    /// </summary>
    public const string RecordedJoin = "left join change_batches rb on rb.txid = o.recorded_txid";

    /// <summary>
    /// The select and joins over the current state, or over the state at <c>@Cutoff</c>; callers add where and
    /// order by. <paramref name="distinctOn"/> keeps the first row of each group of those columns.
    /// </summary>
    public static string Select(bool asOf, string? distinctOn = null) =>
        $"select {(distinctOn is null ? "" : $"distinct on ({distinctOn}) ")}{RowColumns}\nfrom {(asOf ? StateAsOf : "observations")} o\n{Joins}";

    public string IndicatorCode { get; init; } = "";
    public string ParkCode { get; init; } = "";
    public string ParkNameZh { get; init; } = "";
    public string ParkNameEn { get; init; } = "";
    public long ParkId { get; init; }
    public long IndicatorId { get; init; }
    public string Period { get; init; } = "";
    public DateOnly PeriodStart { get; init; }
    public DateOnly PeriodEnd { get; init; }
    public decimal Value { get; init; }
    public string BreakdownJson { get; init; } = "{}";
    public DateOnly AsOf { get; init; }
    public string? Note { get; init; }
    public int Version { get; init; }
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public IndicatorUnit Unit { get; init; }
    public ValueKind ValueKind { get; init; }
    public string? DefinitionJson { get; init; }
    public DateOnly? PlannedCompletion { get; init; }

    public IReadOnlyDictionary<string, decimal> BreakdownValues => _values ??= StoredBreakdown.ParseValues(BreakdownJson);
    private IReadOnlyDictionary<string, decimal>? _values;

    public StoredBreakdown? Definition => _definition ??= StoredBreakdown.Parse(DefinitionJson);
    private StoredBreakdown? _definition;

    public ProgressDto? Progress(decimal value, DateOnly today) =>
        ValueKind == ValueKind.Progress && PlannedCompletion is { } planned
            ? new ProgressDto { PlannedCompletion = planned, Status = ProgressRules.Status(value, planned, today) }
            : null;

    public ObservationDto ToDto(IndicatorUnit unit, DateOnly today) => new()
    {
        IndicatorCode = IndicatorCode,
        ParkCode = ParkCode,
        Period = Period,
        PeriodStart = PeriodStart,
        PeriodEnd = PeriodEnd,
        Value = Units.Convert(Value, Unit, unit),
        Unit = unit,
        Breakdown = StoredBreakdown.Values(Definition, BreakdownValues, v => Units.Convert(v, Unit, unit)),
        AsOf = AsOf,
        SourceCode = SourceCode,
        Source = ToSourceDto(),
        Note = Note,
        Progress = Progress(Value, today),
        Version = Version,
        RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)),
        RecordedBy = RecordedBy,
    };

    public string ParkName => Lang.Pick(ParkNameZh, ParkNameEn);
}

/// <summary>The history of figures: every write (a deletion too) appends its revision here, whichever use case made it.</summary>
public static class ObservationRevisions
{
    public const string Insert = """
        insert into observation_revisions (indicator_id, park_id, period, period_start, period_end, action, version, value, breakdown, as_of, source_id, note, recorded_at, recorded_by)
        values (@IndicatorId, @ParkId, @Period, @PeriodStart, @PeriodEnd, @Action, @Version, @Value, @Breakdown::jsonb, @AsOf, @SourceId, @Note, @RecordedAt, @RecordedBy)
        """;
}
