using System.Data;
using Dapper;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>A data set as stored.</summary>
public sealed record DataSetRow(long Id, string Code, DataSetFields Fields, int Version, DateTimeOffset RecordedAt, string RecordedBy)
{
    public DataSetDto ToDto() => new()
    {
        Code = Code,
        Name = Lang.Pick(Fields.Names.Zh, Fields.Names.En),
        Names = Fields.Names,
        PeriodType = Fields.PeriodType,
        ValidFrom = Fields.ValidFrom,
        IndicatorCodes = Fields.IndicatorCodes,
        ParkCodes = Fields.ParkCodes,
        IncludeSubParks = Fields.IncludeSubParks,
        DueAfterDays = Fields.DueAfterDays,
        ClosesAfterDays = Fields.ClosesAfterDays,
        Rules = Fields.Rules,
        Illustrative = Fields.Illustrative,
        Version = Version,
        RecordedAt = RecordedAt,
        RecordedBy = RecordedBy,
    };

    public RoundDto Round(Period period) => new()
    {
        DataSetCode = Code,
        DataSetName = Lang.Pick(Fields.Names.Zh, Fields.Names.En),
        Period = period.Canonical,
        OpensOn = ReportingPeriods.OpensOn(period),
        DueOn = ReportingPeriods.DueOn(period, Fields.DueAfterDays),
        ClosesOn = ReportingPeriods.ClosesOn(period, Fields.DueAfterDays, Fields.ClosesAfterDays),
    };

    private const string Select = "select id, code, content::text as content, version, recorded_at, recorded_by from data_sets";

    private sealed record Stored
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string Content { get; init; } = "";
        public int Version { get; init; }
        public DateTimeOffset RecordedAt { get; init; }
        public string RecordedBy { get; init; } = "";

        public DataSetRow ToRow() => new(Id, Code, StoredDataSet.FromJson(Content), Version, RecordedAt, RecordedBy);
    }

    public static async Task<DataSetRow> LoadAsync(IDbConnection connection, IDbTransaction? transaction, string code, CancellationToken cancellationToken, bool forUpdate = false) =>
        (await connection.QuerySingleOrDefaultAsync<Stored>(new CommandDefinition(Select + " where code = @code" + (forUpdate ? " for update" : ""),
            new { code }, transaction, cancellationToken: cancellationToken)))?.ToRow() ?? throw RoundErrors.DataSetNotFound(code);

    public static async Task<IReadOnlyList<DataSetRow>> LoadAllAsync(IDbConnection connection, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<Stored>(new CommandDefinition(Select + " order by code", cancellationToken: cancellationToken))).Select(s => s.ToRow()).ToList();

    /// <summary>The round of this set for a period text: 404 when the text is not one of the set's periods.</summary>
    public Period PeriodOf(string text)
    {
        var example = DataSetFieldsValidator.PeriodExample(Fields.PeriodType);
        if (ReportingPeriods.Parse(text, Fields.PeriodType) is not { } period)
        {
            throw RoundErrors.RoundNotFound(Code, text, new($"数据集“{Code}”的报告期是{example.Zh}；没有“{text}”轮次。", $"The data set '{Code}' is reported by {example.En}; there is no round '{text}'."));
        }
        if (period.Start < ReportingPeriods.Parse(Fields.ValidFrom, Fields.PeriodType)!.Start)
        {
            throw RoundErrors.RoundNotFound(Code, period.Canonical, new($"数据集“{Code}”自 {Fields.ValidFrom} 起填报。", $"The data set '{Code}' is reported from {Fields.ValidFrom}."));
        }
        return period;
    }
}

/// <summary>
/// Everything about some rounds of one data set, read in five statements: the parks that report it (with the park
/// above each that reviews it), their states and locks, the set's figures for those periods and the two periods each
/// rule may compare with, the explanations, the running unlocks. Summaries, violations and who may do what are judged
/// from it, so the status table, the matrix, a park's page and a submission all judge alike.
/// </summary>
public sealed class RoundBook
{
    public sealed record ParkInfo(long Id, string Code, string NameZh, string NameEn, long? ParentId, int Depth, long? ReviewerParkId);

    private sealed record StateRow
    {
        public long ParkId { get; init; }
        public string Period { get; init; } = "";
        public string? State { get; init; }
        public DateTimeOffset? FirstSubmittedAt { get; init; }
        public DateTimeOffset? ApprovedAt { get; init; }
        public string? ApprovedBy { get; init; }
        public DateTimeOffset? LastPublishedAt { get; init; }
        public string? Comment { get; init; }
        public string? LockSet { get; init; }
        public string? LockReason { get; init; }
        public string? LockBy { get; init; }
        public DateTimeOffset? LockAt { get; init; }
        public DateOnly? LockClosesOn { get; init; }
        public string? UnlockReason { get; init; }
        public DateTimeOffset? UnlockUntil { get; init; }
        public string? UnlockBy { get; init; }
        public DateTimeOffset? UnlockAt { get; init; }
    }

    private sealed record FigureRow
    {
        public long IndicatorId { get; init; }
        public long ParkId { get; init; }
        public string Period { get; init; } = "";
        public decimal Value { get; init; }
        public string Breakdown { get; init; } = "";
        public int Version { get; init; }
    }

    private sealed record ExplanationRow
    {
        public long ParkId { get; init; }
        public string Period { get; init; } = "";
        public string RuleCode { get; init; } = "";
        public string Text { get; init; } = "";
        public string RecordedBy { get; init; } = "";
    }

    public DataSetRow Set { get; }
    public IReadOnlyList<ParkInfo> Parks { get; }
    private readonly Dictionary<long, ParkInfo> _parks;
    private readonly Dictionary<(long Park, string Period), StateRow> _states;
    private readonly Dictionary<(string Indicator, long Park, string Period), FigureRow> _figures;
    private readonly Dictionary<(long Park, string Period, string Rule), ExplanationRow> _explanations;
    private readonly Dictionary<string, (long Id, string NameZh, string NameEn, string Unit)> _indicators;
    private readonly Dictionary<long, long?> _parentOf;
    private readonly DateOnly _today;

    private RoundBook(DataSetRow set, IReadOnlyList<ParkInfo> parks, Dictionary<long, long?> parentOf, IEnumerable<StateRow> states, IEnumerable<FigureRow> figures,
        IEnumerable<ExplanationRow> explanations, Dictionary<string, (long, string, string, string)> indicators, DateOnly today)
    {
        Set = set;
        Parks = parks;
        _parks = parks.ToDictionary(p => p.Id);
        _parentOf = parentOf;
        _states = states.ToDictionary(s => (s.ParkId, s.Period));
        _indicators = indicators;
        var codeOf = indicators.ToDictionary(i => i.Value.Item1, i => i.Key);
        _figures = figures.ToDictionary(f => (codeOf[f.IndicatorId], f.ParkId, f.Period));
        _explanations = explanations.ToDictionary(e => (e.ParkId, e.Period, e.RuleCode));
        _today = today;
    }

    private const string ParksSql = """
        select p.id, p.parent_id, (a.park_id is not null) as assigned, p.code, p.name_zh, p.name_en
        from parks p left join data_set_assignments a on a.park_id = p.id and a.data_set_id = @SetId
        """;

    private const string StatesSql = """
        select a.park_id, per.period, rs.state, rs.first_submitted_at, rs.approved_at, rs.approved_by, rs.last_published_at, rs.comment,
               lk.data_set_code as lock_set, lk.reason as lock_reason, lk.by_whom as lock_by, lk.at as lock_at, lk.closes_on as lock_closes_on,
               u.reason as unlock_reason, u.until as unlock_until, u.granted_by as unlock_by, u.granted_at as unlock_at
        from data_set_assignments a
        cross join unnest(@Periods::text[], @Ends::date[]) as per (period, period_end)
        left join round_states rs on rs.data_set_id = a.data_set_id and rs.period = per.period and rs.park_id = a.park_id
        left join lateral round_lock(a.data_set_id, per.period, per.period_end, a.park_id, @Today, @Now) lk on true
        left join lateral (select * from round_unlocks x where x.data_set_id = a.data_set_id and x.period = per.period and x.park_id = a.park_id
                           and x.until > @Now order by x.until desc limit 1) u on true
        where a.data_set_id = @SetId
        """;

    private const string FiguresSql = """
        select indicator_id, park_id, period, value, breakdown::text as breakdown, version from observations
        where indicator_id = any(@Indicators) and park_id = any(@ParkIds) and period = any(@AllPeriods)
        """;

    private const string ExplanationsSql = """
        select park_id, period, rule_code, text, recorded_by from round_explanations
        where data_set_id = @SetId and period = any(@Periods) and park_id = any(@ParkIds)
        """;

    /// <summary>Reads the rounds of <paramref name="periods"/> for every park that reports the set.</summary>
    public static async Task<RoundBook> LoadAsync(IDbConnection connection, IDbTransaction? transaction, DataSetRow set, IReadOnlyList<Period> periods,
        DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Task<IEnumerable<T>> Query<T>(string sql, object parameters) =>
            connection.QueryAsync<T>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        var all = (await Query<(long Id, long? ParentId, bool Assigned, string Code, string NameZh, string NameEn)>(ParksSql, new { SetId = set.Id })).ToList();
        var parentOf = all.ToDictionary(p => p.Id, p => p.ParentId);
        var assigned = all.Where(p => p.Assigned).ToList();
        var assignedIds = all.Where(p => p.Assigned).Select(p => p.Id).ToHashSet();
        int DepthOf(long id) => parentOf[id] is { } parent ? DepthOf(parent) + 1 : 0;
        long? ReviewerOf(long id)
        {
            for (var up = parentOf[id]; up is { } above; up = parentOf[above])
            {
                if (assignedIds.Contains(above))
                {
                    return above;
                }
            }
            return null;
        }
        var parks = assigned.Select(p => new ParkInfo(p.Id, p.Code, p.NameZh, p.NameEn, p.ParentId, DepthOf(p.Id), ReviewerOf(p.Id)))
            .OrderBy(p => p.Depth).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();

        var indicators = (await Query<(long Id, string Code, string NameZh, string NameEn, string Unit)>(
                "select id, code, name_zh, name_en, unit from indicators where code = any(@Codes)", new { Codes = set.Fields.IndicatorCodes.ToArray() }))
            .ToDictionary(i => i.Code, i => (i.Id, i.NameZh, i.NameEn, i.Unit));
        var allPeriods = periods.SelectMany(p => new[] { p, ReportingPeriods.Previous(p), ReportingPeriods.SameLastYear(p) }).Select(p => p.Canonical).Distinct().ToArray();
        var parkIds = parks.Select(p => p.Id).ToArray();
        var periodTexts = periods.Select(p => p.Canonical).ToArray();
        var states = await Query<StateRow>(StatesSql, new { SetId = set.Id, Periods = periodTexts, Ends = periods.Select(p => p.End).ToArray(), Today = today, Now = now });
        var figures = await Query<FigureRow>(FiguresSql, new { Indicators = indicators.Values.Select(i => i.Id).ToArray(), ParkIds = parkIds, AllPeriods = allPeriods });
        var explanations = await Query<ExplanationRow>(ExplanationsSql, new { SetId = set.Id, Periods = periodTexts, ParkIds = parkIds });
        return new RoundBook(set, parks, parentOf, states, figures, explanations, indicators, today);
    }

    public ParkInfo Park(string code, string period) =>
        Parks.FirstOrDefault(p => p.Code == code) ?? throw RoundErrors.NotAssigned(Set.Code, period, code);

    public ParkInfo? ParkById(long id) => _parks.GetValueOrDefault(id);

    public RoundState StateOf(ParkInfo park, Period period) =>
        RoundWorkflow.Shown(_states.GetValueOrDefault((park.Id, period.Canonical))?.State, Present(park, period));

    public int Present(ParkInfo park, Period period) =>
        Set.Fields.IndicatorCodes.Count(code => _figures.ContainsKey((code, park.Id, period.Canonical)));

    /// <summary>Every rule the park's figures break now, errors first, each with its explanation if one was given.</summary>
    public IReadOnlyList<ViolationDto> Violations(ParkInfo park, Period period)
    {
        var previous = ReportingPeriods.Previous(period).Canonical;
        var lastYear = ReportingPeriods.SameLastYear(period).Canonical;
        decimal? Figure(string indicator, string? member, RulePeriod which)
        {
            var key = (indicator, park.Id, which switch { RulePeriod.Current => period.Canonical, RulePeriod.Previous => previous, _ => lastYear });
            if (!_figures.TryGetValue(key, out var figure))
            {
                return null;
            }
            if (member is null)
            {
                return figure.Value;
            }
            return StoredBreakdown.ParseValues(figure.Breakdown).TryGetValue(member, out var part) ? part : null;
        }
        return Set.Fields.Rules
            .Select(rule => RuleJudge.Judge(rule, Figure))
            .OfType<Breach>()
            .OrderBy(b => b.Severity)
            .Select(b =>
            {
                var explanation = _explanations.GetValueOrDefault((park.Id, period.Canonical, b.RuleCode));
                return new ViolationDto
                {
                    RuleCode = b.RuleCode, Rule = Lang.Pick(b.Rule), Severity = b.Severity, LeftValue = b.Left, RightValue = b.Right,
                    Message = Lang.Pick(b.Message), Advice = Lang.Pick(b.Advice),
                    Explanation = explanation?.Text, ExplainedBy = explanation?.RecordedBy,
                };
            })
            .ToList();
    }

    /// <summary>What stops the submission: every error, and every warning without an explanation.</summary>
    public static IReadOnlyList<ViolationDto> Stopping(IReadOnlyList<ViolationDto> violations) =>
        violations.Where(v => v.Severity == RuleSeverity.Error || v.Explanation is null).ToList();

    public ParkRoundSummaryDto Summary(ParkInfo park, Period period)
    {
        var row = _states.GetValueOrDefault((park.Id, period.Canonical));
        var present = Present(park, period);
        var expected = Set.Fields.IndicatorCodes.Count;
        var violations = Violations(park, period);
        var due = ReportingPeriods.DueOn(period, Set.Fields.DueAfterDays);
        return new ParkRoundSummaryDto
        {
            ParkCode = park.Code,
            ParkName = Lang.Pick(park.NameZh, park.NameEn),
            ParentCode = park.ReviewerParkId is { } reviewer ? _parks[reviewer].Code : null,
            State = RoundWorkflow.Shown(row?.State, present),
            Expected = expected,
            Present = present,
            Completeness = expected == 0 ? 1 : Math.Round((decimal)present / expected, 4),
            SubmittedAt = row?.FirstSubmittedAt,
            OnTime = row?.FirstSubmittedAt is { } first ? first < ZoneClock.EndOf(due) : _today > due ? false : null,
            OpenWarnings = violations.Count(v => v.Severity == RuleSeverity.Warning && v.Explanation is null),
            Errors = violations.Count(v => v.Severity == RuleSeverity.Error),
            ApprovedBy = row?.ApprovedBy,
            ApprovedAt = row?.ApprovedAt,
            PublishedAt = row?.LastPublishedAt,
            Comment = row?.Comment,
            Lock = row?.LockReason is { } reason ? LockOf(park, period, row) : null,
            Unlock = row?.UnlockUntil is { } until ? new RoundUnlockDto { Reason = row.UnlockReason!, Until = until, GrantedBy = row.UnlockBy!, GrantedAt = row.UnlockAt!.Value } : null,
        };
    }

    private static RoundLockDto LockOf(ParkInfo park, Period period, StateRow row) => new RoundLocks.Found
    {
        DataSetCode = row.LockSet!, Reason = row.LockReason!, ByWhom = row.LockBy, At = row.LockAt, ClosesOn = row.LockClosesOn,
    }.ToDto(park.Code, period.Canonical);

    public IReadOnlyList<RoundFigureDto> Figures(ParkInfo park, Period period)
    {
        var previous = ReportingPeriods.Previous(period).Canonical;
        var lastYear = ReportingPeriods.SameLastYear(period).Canonical;
        return Set.Fields.IndicatorCodes.Where(_indicators.ContainsKey).Select(code =>
        {
            var indicator = _indicators[code];
            var now = _figures.GetValueOrDefault((code, park.Id, period.Canonical));
            return new RoundFigureDto
            {
                IndicatorCode = code,
                IndicatorName = Lang.Pick(indicator.NameZh, indicator.NameEn),
                Unit = indicator.Unit,
                Value = now?.Value,
                PreviousValue = _figures.GetValueOrDefault((code, park.Id, previous))?.Value,
                LastYearValue = _figures.GetValueOrDefault((code, park.Id, lastYear))?.Value,
                ETag = now is null ? null : ETags.Of(now.Version),
            };
        }).ToList();
    }

    /// <summary>The roles the caller holds for a park's round: its reporter, a reviewer above it, an admin over it.</summary>
    public IReadOnlySet<RoundWorkflow.Role> RolesOf(ICaller caller, ParkInfo park)
    {
        var roles = new HashSet<RoundWorkflow.Role>();
        // The admin scope holds every other, as the endpoints' policies say.
        var writes = caller.Scopes.Contains(Scopes.Write) || caller.Scopes.Contains(Scopes.Admin);
        if (!writes)
        {
            return roles;
        }
        var scope = caller.ParkScopeId;
        var within = scope is null || Ancestry(park.Id).Contains(scope.Value);
        if (within)
        {
            roles.Add(RoundWorkflow.Role.Reporter);
        }
        // A reviewer sits above the park: a key of a park further up, or one without a park limit for any park but the top.
        var above = scope is null ? _parentOf[park.Id] is not null : Ancestry(park.Id).Skip(1).Contains(scope.Value);
        if (above)
        {
            roles.Add(RoundWorkflow.Role.Reviewer);
        }
        if (within && caller.Scopes.Contains(Scopes.Admin))
        {
            roles.Add(RoundWorkflow.Role.Admin);
        }
        return roles;
    }

    /// <summary>The park, its parent, and so on up to the top.</summary>
    private IEnumerable<long> Ancestry(long parkId)
    {
        for (long? id = parkId; id is { } at; id = _parentOf[at])
        {
            yield return at;
        }
    }

    /// <summary>What the caller may do next: the state's actions the caller's roles allow.</summary>
    public IReadOnlyList<RoundAction> AllowedActions(ICaller caller, ParkInfo park, Period period)
    {
        var roles = RolesOf(caller, park);
        return RoundWorkflow.ActionsFrom(StateOf(park, period)).Where(a => RoundWorkflow.MayTake(a, roles)).ToList();
    }

    /// <summary>The parks reporting the set strictly below this one that are not approved (or published) yet.</summary>
    public IReadOnlyList<string> PendingBelow(ParkInfo park, Period period) => Parks
        .Where(p => p.Id != park.Id && Ancestry(p.Id).Contains(park.Id))
        .Where(p => StateOf(p, period) is not (RoundState.Approved or RoundState.Published))
        .Select(p => p.Code).ToList();
}
