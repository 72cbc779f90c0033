using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

/// <summary>
/// Judges one measure's conditions against what is known of an enterprise, explaining each in the request's language
/// (the rules themselves are <see cref="MatchRules"/>).
/// </summary>
public sealed class ConditionJudge(MatchFacts facts, DateOnly day, IReadOnlyDictionary<string, string> parkNames, bool fromRecord = false)
{
    public static readonly IReadOnlyDictionary<Industry, Text> IndustryNames = new Dictionary<Industry, Text>
    {
        [Industry.MarineEquipmentManufacturing] = new("海洋装备制造", "marine equipment manufacturing"),
        [Industry.MarineBiomedicine] = new("海洋生物医药", "marine biomedicine"),
        [Industry.MarineElectronicInformation] = new("海洋电子信息", "marine electronic information"),
        [Industry.Other] = new("其他产业", "other industries"),
    };

    public static readonly IReadOnlyDictionary<Qualification, Text> QualificationNames = new Dictionary<Qualification, Text>
    {
        [Qualification.HighTechEnterprise] = new("高新技术企业", "high-tech enterprise"),
        [Qualification.TechSme] = new("科技型中小企业", "technology-based SME"),
        [Qualification.IncubatingEnterprise] = new("在孵企业", "enterprise in incubation"),
        [Qualification.SpecialisedSme] = new("专精特新中小企业", "specialised and innovative SME"),
    };

    private readonly Text _notStated = fromRecord ? new("企业档案中没有该项记录。", "Not on record for the enterprise.") : new("企业画像未提供该信息。", "The profile does not say.");

    public (MatchStatus Status, IReadOnlyList<ConditionResult> Conditions) Judge(EffectiveConditions conditions)
    {
        var results = Explain(conditions).ToList();
        var status = MatchRules.StatusOf(results.Count(r => r.Outcome == ConditionOutcome.Met),
            results.Count(r => r.Outcome == ConditionOutcome.NotMet), results.Count(r => r.Outcome == ConditionOutcome.Unknown));
        return (status, results);
    }

    private IEnumerable<ConditionResult> Explain(EffectiveConditions c)
    {
        if (c.Parks.Count > 0)
        {
            var names = string.Join(Lang.Pick("、", ", "), c.Parks.Select(code => parkNames.GetValueOrDefault(code, code)));
            yield return Result(ConditionKind.Park, MatchRules.Park(c, facts),
                new($"注册在：{names}（含下级园区）", $"Registered in: {names} (or a park within)"),
                facts.ParkCode is { } p ? new($"企业位于{parkNames.GetValueOrDefault(p, p)}。", $"The enterprise is in {parkNames.GetValueOrDefault(p, p)}.") : _notStated,
                facts.ParkSince);
        }

        if (c.Industries.Count > 0)
        {
            var names = c.Industries.Select(i => IndustryNames[i]).ToList();
            yield return Result(ConditionKind.Industry, MatchRules.Industry(c, facts),
                new($"所属产业：{string.Join("、", names.Select(n => n.Zh))}", $"Industry: {string.Join(", ", names.Select(n => n.En))}"),
                facts.Industries is { Count: > 0 } own
                    ? new($"企业属于{string.Join("、", own.Select(i => IndustryNames[i].Zh))}。", $"The enterprise is in {string.Join(", ", own.Select(i => IndustryNames[i].En))}.")
                    : _notStated);
        }

        foreach (var qualification in c.Qualifications)
        {
            var name = QualificationNames[qualification];
            var held = MatchRules.Qualification(qualification, facts);
            DateOnly? since = held == true ? facts.Qualifications![qualification] : null;
            yield return Result(ConditionKind.Qualification, held,
                new($"须为{name.Zh}", $"Must be a {name.En}"),
                held switch
                {
                    true => since is { } from ? new($"企业自 {from:yyyy-MM-dd} 起是{name.Zh}。", $"The enterprise has been a {name.En} since {from:yyyy-MM-dd}.")
                        : new($"企业是{name.Zh}。", $"The enterprise is a {name.En}."),
                    false => new($"企业不是{name.Zh}。", $"The enterprise is not a {name.En}."),
                    null => _notStated,
                }, since);
        }

        if (c.MinRndSpend is { } minSpend)
        {
            yield return Result(ConditionKind.MinRndSpend, MatchRules.MinRndSpend(minSpend, facts),
                new($"年研发投入不低于 {minSpend} 万元", $"Yearly R&D spend of at least {minSpend} (10k yuan)"),
                facts.RndSpend switch
                {
                    { Year: { } year } s => new($"企业 {year} 年研发投入 {s.Value} 万元。", $"The enterprise spent {s.Value} (10k yuan) on R&D in {year}."),
                    { } s => new($"企业年研发投入 {s.Value} 万元。", $"The enterprise spends {s.Value} (10k yuan) on R&D a year."),
                    null => _notStated,
                }, YearEnd(facts.RndSpend?.Year));
        }

        if (c.MinHeadcount is { } minHeadcount)
        {
            yield return Result(ConditionKind.MinHeadcount, MatchRules.MinHeadcount(minHeadcount, facts),
                new($"员工不少于 {minHeadcount} 人", $"At least {minHeadcount} employees"),
                facts.Headcount switch
                {
                    { Year: { } year } h => new($"企业 {year} 年末有 {h.Value} 名员工。", $"The enterprise had {h.Value} employees at the end of {year}."),
                    { } h => new($"企业有 {h.Value} 名员工。", $"The enterprise has {h.Value} employees."),
                    null => _notStated,
                }, YearEnd(facts.Headcount?.Year));
        }

        var years = MatchRules.YearsRegistered(facts, day);
        var registeredText = years is { } y ? new Text($"企业注册满 {y} 年。", $"Registered {y} full years.") : _notStated;
        if (c.MinYearsRegistered is { } minYears)
        {
            yield return Result(ConditionKind.MinYearsRegistered, MatchRules.MinYears(minYears, years),
                new($"注册满 {minYears} 年", $"Registered at least {minYears} years"), registeredText, facts.RegisteredOn);
        }
        if (c.MaxYearsRegistered is { } maxYears)
        {
            yield return Result(ConditionKind.MaxYearsRegistered, MatchRules.MaxYears(maxYears, years),
                new($"注册不超过 {maxYears} 年", $"Registered at most {maxYears} years"), registeredText, facts.RegisteredOn);
        }
    }

    private static DateOnly? YearEnd(int? year) => year is { } y ? new DateOnly(y, 12, 31) : null;

    private static ConditionResult Result(ConditionKind kind, bool? met, Text requirement, Text explanation, DateOnly? factDate = null) => new()
    {
        Kind = kind,
        Outcome = met switch { true => ConditionOutcome.Met, false => ConditionOutcome.NotMet, null => ConditionOutcome.Unknown },
        Requirement = Lang.Pick(requirement),
        Explanation = Lang.Pick(explanation),
        FactDate = met is null ? null : factDate,
    };
}
