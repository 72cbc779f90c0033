using System.Text.Json;
using FluentValidation;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>The shape of a data set and its rules; what needs the database (names, units) is <see cref="DataSetDefinition"/>.</summary>
public sealed class DataSetFieldsValidator : AbstractValidator<DataSetFields>
{
    public DataSetFieldsValidator()
    {
        RuleFor(d => d.Names).NotNull().MustBeText(200, required: true);
        RuleFor(d => d.PeriodType).IsInEnum();
        RuleFor(d => d.ValidFrom).NotEmpty()
            .Must((d, from) => ReportingPeriods.Parse(from, d.PeriodType) is not null)
            .WithMessage(d => Lang.Pick($"validFrom 须为{PeriodExample(d.PeriodType).Zh}。", $"validFrom is {PeriodExample(d.PeriodType).En}."));
        RuleFor(d => d.IndicatorCodes).NotEmpty().MustHaveAtMost(200).Must(Distinct)
            .WithMessage(_ => Lang.Pick("指标不能重复。", "Each indicator appears once."));
        RuleForEach(d => d.IndicatorCodes).MustBeCode();
        RuleFor(d => d.ParkCodes).NotEmpty().MustHaveAtMost(100).Must(Distinct)
            .WithMessage(_ => Lang.Pick("园区不能重复。", "Each park appears once."));
        RuleForEach(d => d.ParkCodes).MustBeCode();
        RuleFor(d => d.DueAfterDays).InclusiveBetween(0, 366);
        RuleFor(d => d.ClosesAfterDays).InclusiveBetween(0, 3660).When(d => d.ClosesAfterDays is not null);
        RuleFor(d => d.Rules).NotNull().MustHaveAtMost(100)
            .Must(rules => rules is null || rules.Select(r => r?.Code).Distinct().Count() == rules.Count)
            .WithMessage(_ => Lang.Pick("规则代码在数据集内须唯一。", "Rule codes are unique within a data set."));
        RuleForEach(d => d.Rules).SetValidator(new RuleValidator());
    }

    private static bool Distinct(IReadOnlyList<string>? codes) => codes is null || codes.Distinct().Count() == codes.Count;

    public static Text PeriodExample(ReportingPeriodType type) => type switch
    {
        ReportingPeriodType.Year => new("年份，如 2024", "a year, like 2024"),
        ReportingPeriodType.Quarter => new("季度，如 2024-Q1", "a quarter, like 2024-Q1"),
        _ => new("月份，如 2024-03", "a month, like 2024-03"),
    };

    private sealed class RuleValidator : AbstractValidator<ValidationRuleFields>
    {
        public RuleValidator()
        {
            RuleFor(r => r.Code).NotEmpty().MustBeCode();
            RuleFor(r => r.Names).NotNull().MustBeText(200, required: true);
            RuleFor(r => r.Advice).MustBeText(1000, required: false);
            RuleFor(r => r.Severity).IsInEnum();
            RuleFor(r => r.Kind).IsInEnum();
            When(r => r.Kind == RuleKind.Compare, () =>
            {
                RuleFor(r => r.Left).NotNull().SetValidator(new SideValidator()!);
                RuleFor(r => r.Right).NotNull().SetValidator(new SideValidator()!);
                RuleFor(r => r.Operator).NotNull().IsInEnum();
                RuleFor(r => r.IndicatorCode).Null().WithMessage(_ => Only("indicatorCode"));
                RuleFor(r => r.Against).Null().WithMessage(_ => Only("against"));
                RuleFor(r => r.MaxChangePercent).Null().WithMessage(_ => Only("maxChangePercent"));
                RuleFor(r => r).Must(r => r.Left is null || r.Right is null || r.Left.Terms.Count + r.Right.Terms.Count > 0)
                    .OverridePropertyName("left").WithMessage(_ => Lang.Pick("比较规则至少要引用一个指标。", "A compare rule names at least one indicator."));
            });
            When(r => r.Kind == RuleKind.Change, () =>
            {
                RuleFor(r => r.IndicatorCode!).NotEmpty().MustBeCode();
                RuleFor(r => r.Against).NotNull().IsInEnum();
                RuleFor(r => r.MaxChangePercent).NotNull().InclusiveBetween(0, 1_000_000);
                RuleFor(r => r.Left).Null().WithMessage(_ => Lang.Pick("变动幅度规则不用 left、operator、right。", "A change rule has no left, operator or right."));
                RuleFor(r => r.Right).Null().WithMessage(_ => Lang.Pick("变动幅度规则不用 left、operator、right。", "A change rule has no left, operator or right."));
                RuleFor(r => r.Operator).Null().WithMessage(_ => Lang.Pick("变动幅度规则不用 left、operator、right。", "A change rule has no left, operator or right."));
            });
        }

        private static string Only(string member) =>
            Lang.Pick($"{member} 只用于变动幅度（change）规则。", $"{member} belongs to change rules only.");
    }

    private sealed class SideValidator : AbstractValidator<RuleSide>
    {
        public SideValidator()
        {
            RuleFor(s => s.Terms).NotNull().MustHaveAtMost(20);
            RuleFor(s => s.DivideBy).NotNull().MustHaveAtMost(20);
            RuleForEach(s => s.Terms).SetValidator(new TermValidator());
            RuleForEach(s => s.DivideBy).SetValidator(new TermValidator());
            RuleFor(s => s.Constant).InclusiveBetween(-1e15m, 1e15m);
        }
    }

    private sealed class TermValidator : AbstractValidator<RuleTerm>
    {
        public TermValidator()
        {
            RuleFor(t => t.IndicatorCode).NotEmpty().MustBeCode();
            RuleFor(t => t.Member).NotEmpty().MaximumLength(64).When(t => t.Member is not null);
            RuleFor(t => t.Factor).InclusiveBetween(-1e9m, 1e9m);
        }
    }
}

/// <summary>
/// What a data set names must exist and fit together, checked against the database before anything is written: every
/// indicator and park; each rule's indicators must be among the set's own (a rule cannot read a figure of another period
/// type); members must be the indicator's; the terms of a sum share a unit, and the two sides of a comparison agree.
/// </summary>
public static class DataSetDefinition
{
    public sealed record Resolved(IReadOnlyList<long> IndicatorIds, IReadOnlyList<long> ParkIds);

    private sealed record IndicatorFacts(long Id, string Code, string Unit, string? Breakdown);

    public static async Task<Resolved> CheckAsync(DbSession session, DataSetFields set, CancellationToken cancellationToken)
    {
        var indicators = (await session.QueryAsync<IndicatorFacts>(
                "select id, code, unit, breakdown::text as breakdown from indicators where code = any(@codes)",
                new { codes = set.IndicatorCodes.Concat(RuleIndicators(set)).Distinct().ToArray() }, cancellationToken))
            .ToDictionary(i => i.Code);
        var parks = (await session.QueryAsync<(long Id, string Code)>("select id, code from parks where code = any(@codes)",
            new { codes = set.ParkCodes.ToArray() }, cancellationToken)).ToDictionary(p => p.Code, p => p.Id);

        for (var i = 0; i < set.IndicatorCodes.Count; i++)
        {
            if (!indicators.ContainsKey(set.IndicatorCodes[i]))
            {
                throw RoundErrors.UnknownReference($"indicatorCodes[{i}]", new($"指标“{set.IndicatorCodes[i]}”不存在。", $"The indicator '{set.IndicatorCodes[i]}' does not exist."));
            }
        }
        for (var i = 0; i < set.ParkCodes.Count; i++)
        {
            if (!parks.ContainsKey(set.ParkCodes[i]))
            {
                throw RoundErrors.UnknownReference($"parkCodes[{i}]", new($"园区“{set.ParkCodes[i]}”不存在。", $"The park '{set.ParkCodes[i]}' does not exist."));
            }
        }
        var inSet = set.IndicatorCodes.ToHashSet();
        for (var r = 0; r < set.Rules.Count; r++)
        {
            var rule = set.Rules[r];
            var part = $"rules[{r}]";
            if (rule.Kind == RuleKind.Change)
            {
                Reported(rule.IndicatorCode!, $"{part}.indicatorCode", indicators, inSet, period: set.PeriodType);
                continue;
            }
            var left = UnitOf(rule.Left!, $"{part}.left", indicators, inSet, set.PeriodType);
            var right = UnitOf(rule.Right!, $"{part}.right", indicators, inSet, set.PeriodType);
            if (left is not null && right is not null && left != right)
            {
                throw RoundErrors.InvalidRule($"{part}.right", new(
                    $"规则“{rule.Code}”左边的单位是 {left}，右边是 {right}：两边须可比。",
                    $"The rule '{rule.Code}' compares {left} on the left with {right} on the right: the sides must be comparable."));
            }
        }
        return new(set.IndicatorCodes.Select(c => indicators[c].Id).ToList(), set.ParkCodes.Select(c => parks[c]).ToList());
    }

    private static IEnumerable<string> RuleIndicators(DataSetFields set) => set.Rules.SelectMany(r =>
        r.Kind == RuleKind.Change ? [r.IndicatorCode!] : Terms(r.Left!).Concat(Terms(r.Right!)).Select(t => t.IndicatorCode));

    private static IEnumerable<RuleTerm> Terms(RuleSide side) => side.Terms.Concat(side.DivideBy);

    /// <summary>The unit of a side: its terms' (one for all), a ratio of two, or none for a constant or a ratio of like units.</summary>
    private static string? UnitOf(RuleSide side, string part, Dictionary<string, IndicatorFacts> indicators, HashSet<string> inSet, ReportingPeriodType period)
    {
        var top = SumUnit(side.Terms, $"{part}.terms", indicators, inSet, period);
        if (side.DivideBy.Count == 0)
        {
            return top;
        }
        var bottom = SumUnit(side.DivideBy, $"{part}.divideBy", indicators, inSet, period);
        return top == bottom ? null : $"{top ?? "1"}/{bottom}";
    }

    private static string? SumUnit(IReadOnlyList<RuleTerm> terms, string part, Dictionary<string, IndicatorFacts> indicators, HashSet<string> inSet, ReportingPeriodType period)
    {
        string? unit = null;
        for (var t = 0; t < terms.Count; t++)
        {
            var facts = Reported(terms[t].IndicatorCode, $"{part}[{t}].indicatorCode", indicators, inSet, period);
            if (terms[t].Member is { } member && StoredBreakdown.Parse(facts.Breakdown)?.Members.Any(m => m.Code == member) != true)
            {
                throw RoundErrors.UnknownReference($"{part}[{t}].member", new(
                    $"指标“{facts.Code}”没有分项“{member}”。", $"The indicator '{facts.Code}' has no member '{member}'."));
            }
            if (unit is not null && unit != facts.Unit)
            {
                throw RoundErrors.InvalidRule($"{part}[{t}].indicatorCode", new(
                    $"不能把 {unit} 与 {facts.Unit}（“{facts.Code}”）相加：同一和式中的指标须单位相同。",
                    $"Cannot add {unit} to {facts.Unit} ('{facts.Code}'): the indicators of one sum share a unit."));
            }
            unit = facts.Unit;
        }
        return unit;
    }

    private static IndicatorFacts Reported(string code, string part, Dictionary<string, IndicatorFacts> indicators, HashSet<string> inSet, ReportingPeriodType period)
    {
        if (!indicators.TryGetValue(code, out var facts))
        {
            throw RoundErrors.UnknownReference(part, new($"指标“{code}”不存在。", $"The indicator '{code}' does not exist."));
        }
        if (!inSet.Contains(code))
        {
            var every = DataSetFieldsValidator.PeriodExample(period);
            throw RoundErrors.InvalidRule(part, new(
                $"规则引用的指标“{code}”不在本数据集中，没有按本数据集的报告期（{every.Zh}）填报：请先把它加入 indicatorCodes。",
                $"The rule names '{code}', which this data set does not collect, so it has no figure for the set's periods ({every.En}): add it to indicatorCodes first."));
        }
        return facts;
    }
}

/// <summary>A data set as stored in <c>data_sets.content</c>: the fields, normalised, so equal sets give equal JSON.</summary>
public static class StoredDataSet
{
    public static DataSetFields Normalise(DataSetFields set) => new()
    {
        Names = Trim(set.Names),
        PeriodType = set.PeriodType,
        ValidFrom = ReportingPeriods.Parse(set.ValidFrom, set.PeriodType)!.Canonical,
        IndicatorCodes = set.IndicatorCodes.ToList(),
        ParkCodes = set.ParkCodes.ToList(),
        IncludeSubParks = set.IncludeSubParks,
        DueAfterDays = set.DueAfterDays,
        ClosesAfterDays = set.ClosesAfterDays,
        Rules = set.Rules.Select(r => r with { Names = Trim(r.Names), Advice = r.Advice is null ? null : Trim(r.Advice) }).ToList(),
        Illustrative = set.Illustrative,
    };

    private static LocalizedText Trim(LocalizedText text) => new() { Zh = text.Zh.Trim(), En = text.En.Trim() };

    public static string ToJson(DataSetFields set) => JsonSerializer.Serialize(set, JsonSetup.StoredContent);

    public static DataSetFields FromJson(string json) => JsonSerializer.Deserialize<DataSetFields>(json, JsonSetup.StoredContent)!;
}
