using Gaoxin.Api.Infrastructure.Errors;
using Dapper;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Imports;
using Gaoxin.Contracts.Indicators;
using Npgsql;
using NpgsqlTypes;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Observations in bulk, set-based: each row is parsed and checked as it streams in and goes to a staging table
/// through binary COPY; then a handful of statements group the rows into figures, check the rules over the whole
/// file (totals against breakdowns, corrections need a note), and merge them into observations and their history.
/// No row is written one by one, and the body is never held in memory.
/// </summary>
public sealed class ObservationImporter(DbSession session, TimeProvider clock, ICaller caller, Rounds.RoundSubmission submission) : IImporter
{
    public ImportKind Kind => ImportKind.Observations;

    IReadOnlyList<string> IImporter.Columns => Columns;

    public static readonly string[] Columns = ["indicator_code", "park_code", "period", "breakdown_member", "value", "as_of", "source", "note"];
    private const int IndicatorCode = 0, ParkCode = 1, PeriodColumn = 2, Member = 3, Value = 4, AsOf = 5, Source = 6, Note = 7;

    /// <summary>Members in the indicator's own order, as the rules name them.</summary>
    private sealed record IndicatorInfo(long Id, ValueKind Kind, IReadOnlyList<string> Members);

    private HashSet<string> _outOfScope = [];

    private const string Staging = """
        create temp table import_rows (
            line integer not null, indicator_id bigint not null, park_id bigint not null, period text not null,
            period_start date not null, period_end date not null, member text not null, value numeric, as_of date,
            source_id bigint, note text, rejected boolean not null, problem text
        ) on commit drop
        """;

    public async Task RunAsync(RowReader rows, ImportOptions options, ImportTally tally, CancellationToken cancellationToken)
    {
        var connection = session.Connection;
        var indicators = (await connection.QueryAsync<(long Id, string Code, ValueKind Kind, string? Breakdown)>(new CommandDefinition(
                IndicatorWrites.ShareAll, transaction: session.Transaction, cancellationToken: cancellationToken)))
            .ToDictionary(i => i.Code, i => new IndicatorInfo(i.Id, i.Kind,
                Indicators.StoredBreakdown.Parse(i.Breakdown)?.Members.Select(m => m.Code).ToList() ?? []));
        var parks = await CodesAsync("parks", cancellationToken);
        if (caller.ParkScopeId is { } scope)
        {
            // A key limited to a park's subtree imports into that subtree only: other parks' rows are refused one by one.
            var allowed = (await session.Connection.QueryAsync<long>(new CommandDefinition(ParkTree.Within("@scope") + "select id from within",
                new { scope }, session.Transaction, cancellationToken: cancellationToken))).ToHashSet();
            _outOfScope = parks.Where(p => !allowed.Contains(p.Value)).Select(p => p.Key).ToHashSet();
        }
        var sources = await CodesAsync("sources", cancellationToken);

        await session.ExecuteAsync(Staging, null, cancellationToken);
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy import_rows (line, indicator_id, park_id, period, period_start, period_end, member, value, as_of, source_id, note, rejected) from stdin (format binary)",
            cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                if (++tally.TotalRows > options.MaxRows)
                {
                    throw ImportErrors.TooManyRows(options.MaxRows);
                }
                await StageAsync(rows, indicators, parks, sources, tally, copy, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        await MergeAsync(options, tally, cancellationToken);
    }

    /// <summary>Checks one row. A row whose key (indicator, park, period) is unusable is rejected here; a row with a
    /// usable key but a bad value is staged as rejected, so that the other rows of its figure are rejected with it.</summary>
    private async Task StageAsync(RowReader row, Dictionary<string, IndicatorInfo> indicators, Dictionary<string, long> parks,
        Dictionary<string, long> sources, ImportTally tally, NpgsqlBinaryImporter copy, CancellationToken cancellationToken)
    {
        var line = row.Line;
        var problems = tally.ProblemCount;
        foreach (var field in row.UnknownFields)
        {
            tally.Problem(line, field, Problems.ImportUnknownField, new($"未知字段“{field}”。", $"Unknown field '{field}'."));
        }

        var indicatorCode = row.Get(IndicatorCode);
        IndicatorInfo? indicator = null;
        if (indicatorCode is null)
        {
            tally.Problem(line, Columns[IndicatorCode], Problems.ImportMissingValue, ImportValues.Missing(Columns[IndicatorCode]));
        }
        else if (!indicators.TryGetValue(indicatorCode, out indicator))
        {
            tally.Problem(line, Columns[IndicatorCode], Problems.IndicatorNotFound, new($"指标“{indicatorCode}”不存在。", $"Indicator '{indicatorCode}' does not exist."));
        }

        var parkCode = row.Get(ParkCode);
        long parkId = 0;
        if (parkCode is null)
        {
            tally.Problem(line, Columns[ParkCode], Problems.ImportMissingValue, ImportValues.Missing(Columns[ParkCode]));
        }
        else if (!parks.TryGetValue(parkCode, out parkId))
        {
            tally.Problem(line, Columns[ParkCode], Problems.ParkNotFound, new($"园区“{parkCode}”不存在。", $"Park '{parkCode}' does not exist."));
        }
        else if (_outOfScope.Contains(parkCode))
        {
            parkId = 0;
            tally.Problem(line, Columns[ParkCode], Problems.AuthOutsideParkScope, new($"此 API 密钥不能写入园区“{parkCode}”。", $"This API key cannot write to park '{parkCode}'."));
        }

        var periodText = row.Get(PeriodColumn);
        if (!Period.TryParse(periodText, out var period))
        {
            tally.Problem(line, Columns[PeriodColumn], periodText is null ? Problems.ImportMissingValue : Problems.ImportInvalidValue,
                new($"期间“{periodText}”无效：应为 2023、2023-Q1、2023-03 或 2023-03-31。", $"Period '{periodText}' is not 2023, 2023-Q1, 2023-03 or 2023-03-31."));
        }

        if (indicator is null || parkId == 0 || period is null)
        {
            tally.Rejected++;
            return;
        }

        var member = row.Get(Member) ?? "";
        if (member.Length > 0 && ObservationRules.CheckMember(indicatorCode!, indicator.Members, member) is { } memberBreach)
        {
            tally.Problem(line, Columns[Member], memberBreach.Kind, memberBreach.Message);
        }

        decimal? value = null;
        var valueText = row.Get(Value);
        if (valueText is null)
        {
            tally.Problem(line, Columns[Value], Problems.ImportMissingValue, ImportValues.Missing(Columns[Value]));
        }
        else if (!ImportValues.TryDecimal(valueText, out var parsed))
        {
            tally.Problem(line, Columns[Value], Problems.ImportInvalidValue, ImportValues.NotANumber(Columns[Value], valueText));
        }
        else if (ObservationRules.CheckValue(indicator.Kind, parsed) is { } valueBreach)
        {
            tally.Problem(line, Columns[Value], valueBreach.Kind, valueBreach.Message);
        }
        else
        {
            value = parsed;
        }

        DateOnly? asOf = null;
        var asOfText = row.Get(AsOf);
        if (asOfText is null)
        {
            tally.Problem(line, Columns[AsOf], Problems.ImportMissingValue, ImportValues.Missing(Columns[AsOf]));
        }
        else if (!ImportValues.TryDate(asOfText, out var date))
        {
            tally.Problem(line, Columns[AsOf], Problems.ImportInvalidValue, ImportValues.NotADate(Columns[AsOf], asOfText));
        }
        else
        {
            asOf = date;
        }

        long? sourceId = null;
        if (row.Get(Source) is { } sourceCode)
        {
            if (sources.TryGetValue(sourceCode, out var id))
            {
                sourceId = id;
            }
            else
            {
                tally.Problem(line, Columns[Source], Problems.SourceNotFound, new($"来源“{sourceCode}”不存在。", $"Source '{sourceCode}' does not exist."));
            }
        }

        var note = ObservationRules.NormaliseNote(row.Get(Note));
        if (ObservationRules.CheckNote(note) is { } noteBreach)
        {
            tally.Problem(line, Columns[Note], noteBreach.Kind, noteBreach.Message);
        }

        var rejected = tally.ProblemCount > problems;
        if (rejected)
        {
            tally.Rejected++;
        }

        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(line, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(indicator.Id, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(parkId, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(period.Canonical, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(period.Start, NpgsqlDbType.Date, cancellationToken);
        await copy.WriteAsync(period.End, NpgsqlDbType.Date, cancellationToken);
        await copy.WriteAsync(member, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(copy, value, NpgsqlDbType.Numeric, cancellationToken);
        await WriteNullableAsync(copy, asOf, NpgsqlDbType.Date, cancellationToken);
        await WriteNullableAsync(copy, sourceId, NpgsqlDbType.Bigint, cancellationToken);
        if (string.IsNullOrEmpty(note))
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(note, NpgsqlDbType.Text, cancellationToken);
        }
        await copy.WriteAsync(rejected, NpgsqlDbType.Boolean, cancellationToken);
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) where T : struct
    {
        if (value is { } v)
        {
            await copy.WriteAsync(v, type, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }

    private async Task<Dictionary<string, long>> CodesAsync(string table, CancellationToken cancellationToken) =>
        (await session.Connection.QueryAsync<(string Code, long Id)>(new CommandDefinition(
            $"select code, id from {table}", transaction: session.Transaction, cancellationToken: cancellationToken)))
        .ToDictionary(r => r.Code, r => r.Id);

    // Rows of one figure that repeat a member (or the total) after its first line.
    private const string Duplicates = """
        update import_rows r set rejected = true, problem = 'import.duplicate-row'
        from (select line, row_number() over (partition by indicator_id, park_id, period, member order by line) as n from import_rows) d
        where d.line = r.line and d.n > 1 and not r.rejected
        returning r.line, r.member
        """;

    // One row per figure, classified in the same pass: its total (or the sum of its parts), breakdown, the action
    // against the stored figure, and the rule it breaks, if any. Rows of one figure must agree on as-of, source and note
    // (a note may be given on one row only). Duplicate rows taint their figure but add nothing to it.
    private static readonly string Figures = $$"""
        create temp table import_figures on commit drop as
        select g.*, coalesce(g.total, g.parts_sum) as value, o.id as existing_id,
               coalesce(o.version, rv.version, 0) as existing_version, -- a figure deleted before continues its versions
               case when o.id is null then 'create'
                    when o.value = coalesce(g.total, g.parts_sum) and o.breakdown = g.breakdown and o.as_of = g.as_of
                         and o.source_id is not distinct from g.source_id and o.note is not distinct from g.note then 'unchanged'
                    else 'update' end as action,
               case when g.rejected then null
                    when g.inconsistent then '{{Problems.ImportInconsistentRows.Code}}'
                    when i.total_equals_breakdown and g.total is not null and g.parts > 0 and g.total <> g.parts_sum then '{{Problems.ObservationTotalMismatch.Code}}'
                    when o.id is not null and (o.value <> coalesce(g.total, g.parts_sum) or o.breakdown <> g.breakdown) and g.note is null
                         then '{{Problems.ObservationCorrectionNeedsNote.Code}}'
               end as problem
        from (
            select r.indicator_id, r.park_id, r.period_start, r.period, min(r.period_end) as period_end,
                   count(*)::int as row_count, bool_or(r.rejected) as rejected,
                   max(r.value) filter (where r.member = '' and r.problem is null) as total,
                   coalesce(sum(r.value) filter (where r.member <> '' and r.problem is null), 0) as parts_sum,
                   count(*) filter (where r.member <> '' and r.problem is null) as parts,
                   coalesce(jsonb_object_agg(r.member, r.value) filter (where r.member <> '' and r.problem is null), '{}') as breakdown,
                   max(r.as_of) as as_of, max(r.source_id) as source_id, max(r.note) as note,
                   coalesce(min(r.as_of) <> max(r.as_of) or min(r.source_id) <> max(r.source_id) or min(r.note) <> max(r.note), false) as inconsistent
            from import_rows r
            group by r.indicator_id, r.park_id, r.period_start, r.period
        ) as g
        join indicators i on i.id = g.indicator_id
        left join observations o on o.indicator_id = g.indicator_id and o.park_id = g.park_id
                                and o.period_start = g.period_start and o.period = g.period
        left join retired_versions rv on o.id is null and rv.resource_type = 'observation'
                                     and rv.resource_key = g.indicator_id || '/' || g.park_id || '/' || g.period
        """;

    // The rows of refused figures that were not already refused one by one, with the lock that refused a figure.
    private const string RefusedRows = """
        select r.line, f.problem, f.total, f.parts_sum, (select code from indicators where id = f.indicator_id) as indicator_code,
               f.period, (select code from parks where id = f.park_id) as park_code,
               l.data_set_code as lock_set, l.reason as lock_reason, l.by_whom as lock_by, l.at as lock_at, l.closes_on as lock_closes_on,
               (select min(x.line) from import_rows x
                where x.rejected and x.indicator_id = r.indicator_id and x.park_id = r.park_id
                  and x.period_start = r.period_start and x.period = r.period) as rejected_line
        from import_figures f
        join import_rows r on r.indicator_id = f.indicator_id and r.park_id = f.park_id and r.period_start = f.period_start and r.period = f.period
        left join import_locks l on l.indicator_id = f.indicator_id and l.park_id = f.park_id and l.period = f.period
        where (f.problem is not null or f.rejected) and not r.rejected
        order by r.line
        """;

    private sealed class RefusedRow
    {
        public int Line { get; init; }
        public string? Problem { get; init; }
        public decimal? Total { get; init; }
        public decimal PartsSum { get; init; }
        public string IndicatorCode { get; init; } = "";
        public int? RejectedLine { get; init; }
        public string Period { get; init; } = "";
        public string ParkCode { get; init; } = "";
        public string? LockSet { get; init; }
        public string? LockReason { get; init; }
        public string? LockBy { get; init; }
        public DateTimeOffset? LockAt { get; init; }
        public DateOnly? LockClosesOn { get; init; }
    }

    // The versions are given (import_figures computed them, retired ones included): the per-row trigger steps aside for
    // this one statement (migration 0027).
    private const string Apply = """
        select set_config('gaoxin.versions_given', 'on', true);
        insert into observations (indicator_id, park_id, period, period_start, period_end, value, breakdown, as_of, source_id, note, version, recorded_at, recorded_by)
        select indicator_id, park_id, period, period_start, period_end, value, breakdown, as_of, source_id, note, existing_version + 1, @RecordedAt, @RecordedBy
        from import_figures where action = 'create' and problem is null and not rejected;
        select set_config('gaoxin.versions_given', 'off', true);

        update observations o set value = f.value, breakdown = f.breakdown, as_of = f.as_of, source_id = f.source_id, note = f.note,
               version = f.existing_version + 1, recorded_at = @RecordedAt, recorded_by = @RecordedBy
        from import_figures f
        where f.action = 'update' and f.problem is null and not f.rejected and o.id = f.existing_id;

        insert into observation_revisions (indicator_id, park_id, period, period_start, period_end, action, version, value, breakdown, as_of, source_id, note, recorded_at, recorded_by)
        select indicator_id, park_id, period, period_start, period_end, case action when 'create' then 'created' else 'updated' end,
               existing_version + 1, value, breakdown, as_of, source_id, note, @RecordedAt, @RecordedBy
        from import_figures where action in ('create', 'update') and problem is null and not rejected;
        """;

    private const string Counts = """
        select coalesce(sum(row_count) filter (where action = 'create'), 0)::int as created,
               coalesce(sum(row_count) filter (where action = 'update'), 0)::int as updated,
               coalesce(sum(row_count) filter (where action = 'unchanged'), 0)::int as unchanged
        from import_figures where problem is null and not rejected
        """;

    private async Task MergeAsync(ImportOptions options, ImportTally tally, CancellationToken cancellationToken)
    {
        // Other writers wait while the figures are compared and merged, so none can slip in between.
        await session.ExecuteAsync("lock table observations in share row exclusive mode", null, cancellationToken);

        foreach (var (line, member) in await session.Connection.QueryAsync<(int, string)>(new CommandDefinition(Duplicates, transaction: session.Transaction, cancellationToken: cancellationToken)))
        {
            tally.Rejected++;
            tally.Problem(line, Columns[Member], Problems.ImportDuplicateRow, new(
                $"同一观测值的{(member.Length == 0 ? "总数" : $"分项“{member}”")}在前面的行已出现。",
                $"An earlier row already gives the {(member.Length == 0 ? "total" : $"member '{member}'")} of this observation."));
        }

        await session.ExecuteAsync(Figures, null, cancellationToken);
        await session.ExecuteAsync(Rounds.RoundLocks.ImportLocks, new { Today = clock.Today(), Now = clock.GetUtcNow() }, cancellationToken);

        foreach (var row in await session.Connection.QueryAsync<RefusedRow>(new CommandDefinition(RefusedRows, transaction: session.Transaction, cancellationToken: cancellationToken)))
        {
            tally.Rejected++;
            switch (row.Problem)
            {
                case var code when code == Problems.ObservationTotalMismatch.Code:
                    var mismatch = ObservationRules.TotalMismatch(row.IndicatorCode, row.Total!.Value, row.PartsSum);
                    tally.Problem(row.Line, Columns[Value], mismatch.Kind, mismatch.Message);
                    break;
                case var code when code == Problems.ObservationCorrectionNeedsNote.Code:
                    tally.Problem(row.Line, Columns[Note], ObservationRules.CorrectionNeedsNote.Kind, ObservationRules.CorrectionNeedsNote.Message);
                    break;
                case var code when code == Problems.RoundLocked.Code:
                    var found = new Rounds.RoundLocks.Found { DataSetCode = row.LockSet!, Reason = row.LockReason!, ByWhom = row.LockBy, At = row.LockAt, ClosesOn = row.LockClosesOn };
                    tally.Problem(row.Line, null, Problems.RoundLocked, Rounds.RoundErrors.LockText(found.ToDto(row.ParkCode, row.Period)));
                    break;
                case var code when code == Problems.ImportInconsistentRows.Code:
                    tally.Problem(row.Line, null, Problems.ImportInconsistentRows, new(
                        "同一观测值的各行 as_of、source 或 note 不一致。", "The rows of this observation disagree on as_of, source or note."));
                    break;
                default:
                    tally.Problem(row.Line, null, Problems.ImportObservationRejected, new(
                        $"同一观测值的另一行（第 {row.RejectedLine} 行）被拒绝，本行随之拒绝。",
                        $"Another row of the same observation (line {row.RejectedLine}) was rejected, so this one is too."));
                    break;
            }
        }

        var (created, updated, unchanged) = await session.QuerySingleAsync<(int, int, int)>(Counts, null, cancellationToken);
        tally.Created = created;
        tally.Updated = updated;
        tally.Unchanged = unchanged;

        if (ImportEngine.ShouldWrite(options, tally))
        {
            // A file of figures all unchanged (a re-import) writes nothing: the three statements would only scan the
            // staged figures to find so (3.8 s of a million-row re-import's 12 s, docs/BENCHMARKS.md).
            if (created + updated > 0)
            {
                await session.ExecuteAsync(Apply, new { RecordedAt = clock.GetUtcNow(), RecordedBy = caller.DisplayName }, cancellationToken);
            }
            if (options.Submit)
            {
                await SubmitAsync(tally, cancellationToken);
            }
        }
    }

    // The rounds the accepted rows belong to: a set that collects the indicator from the park at the row's period type.
    private const string TouchedRounds = """
        select distinct ds.code as data_set_code, f.period, p.code as park_code
        from import_figures f
        join data_set_indicators dsi on dsi.indicator_id = f.indicator_id
        join data_sets ds on ds.id = dsi.data_set_id and ds.period_type = period_type_of(f.period) and f.period_start >= ds.valid_from
        join data_set_assignments a on a.data_set_id = ds.id and a.park_id = f.park_id
        join parks p on p.id = f.park_id
        where f.problem is null and not f.rejected
        order by 1, 2, 3
        """;

    /// <summary>Submits each round the import wrote into, in the import's transaction: one that fails its checks fails the import.</summary>
    private async Task SubmitAsync(ImportTally tally, CancellationToken cancellationToken)
    {
        var rounds = await session.QueryAsync<Contracts.Rounds.SubmittedRoundDto>(TouchedRounds, null, cancellationToken);
        foreach (var round in rounds)
        {
            await submission.SubmitAsync(round.DataSetCode, round.Period, round.ParkCode, $"import {tally.Id}", [], cancellationToken);
            tally.SubmittedRounds.Add(round);
        }
    }
}
