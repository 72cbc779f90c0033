using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Policies.MatchPolicies;

public sealed record MatchPoliciesQuery(PolicyMatchRequest Body) : IQuery<PolicyMatchResult>;

public sealed class MatchPoliciesValidator : AbstractValidator<MatchPoliciesQuery>
{
    public MatchPoliciesValidator()
    {
        RuleFor(q => q.Body.Profile.ParkCode).MustBeCode().When(q => q.Body.Profile.ParkCode is not null);
        RuleFor(q => q.Body.Profile.Industry).IsInEnum();
        RuleFor(q => q.Body.Profile.Qualifications).MustHaveAtMost(20);
        RuleForEach(q => q.Body.Profile.Qualifications).IsInEnum();
        RuleFor(q => q.Body.Profile.RndSpend).GreaterThanOrEqualTo(0);
        RuleFor(q => q.Body.Profile.Headcount).GreaterThanOrEqualTo(0);
    }
}

/// <summary>
/// Matches a profile against every measure in force on the day. Deterministic: the same profile, day and catalogue
/// always give the same answer in the same order. Conditions a measure does not state come from its document
/// (parks, industries); a fact the profile does not give makes a condition unknown, never met.
/// </summary>
public sealed class MatchPoliciesHandler(NpgsqlDataSource db, TimeProvider clock) : IRequestHandler<MatchPoliciesQuery, PolicyMatchResult>
{
    private static readonly string InForce = PolicyRow.Query() + "\nwhere b.status = 'inForce' order by b.code";
    private const string Measures = MeasureRow.Select + "\nwhere m.policy_id = any(@Ids) order by p.code, m.position";

    public async Task<PolicyMatchResult> Handle(MatchPoliciesQuery query, CancellationToken cancellationToken)
    {
        var profile = query.Body.Profile;
        var day = query.Body.Date ?? clock.Today();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);

        var parkNames = (await connection.QueryAsync<(string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select code, name_zh, name_en from parks", cancellationToken: cancellationToken))).ToDictionary(p => p.Code, p => Lang.Pick(p.NameZh, p.NameEn));
        HashSet<string>? parkAndAncestors = null;
        if (profile.ParkCode is { } park)
        {
            parkAndAncestors = (await connection.QueryAsync<(long Id, string Code)>(new CommandDefinition(
                ParkTree.SelfAndAncestors, new { code = park }, cancellationToken: cancellationToken))).Select(p => p.Code).ToHashSet();
            if (parkAndAncestors.Count == 0)
            {
                throw ParkErrors.NotFound(park);
            }
        }

        var policies = (await connection.QueryAsync<PolicyRow>(new CommandDefinition(InForce, new { Day = day }, cancellationToken: cancellationToken))).ToDictionary(p => p.Id);
        var measures = await connection.QueryAsync<MeasureRow>(new CommandDefinition(Measures, new { Ids = policies.Keys.ToArray() }, cancellationToken: cancellationToken));

        var judge = new ConditionJudge(profile, day, parkAndAncestors, parkNames);
        var items = measures.Select(measure =>
        {
            var policy = policies[measure.PolicyId];
            var conditions = judge.Judge(measure.Conditions, policy).ToList();
            var eligibility = conditions.Any(c => c.Outcome == ConditionOutcome.NotMet) ? Eligibility.NotEligible
                : conditions.Any(c => c.Outcome == ConditionOutcome.Unknown) ? Eligibility.PossiblyEligible
                : Eligibility.Eligible;
            return new MeasureMatch
            {
                Measure = measure.ToDto(),
                Policy = policy.ToRef(),
                Eligibility = eligibility,
                Conditions = conditions,
                MaxSupport = measure.MaxSupport,
            };
        }).OrderBy(m => m.Eligibility).ToList(); // stable: keeps the policy and measure order within each group

        var claimable = items.Where(i => i.Eligibility == Eligibility.Eligible).ToList();
        var perhaps = items.Where(i => i.Eligibility != Eligibility.NotEligible).ToList();
        return new PolicyMatchResult
        {
            Date = day,
            Items = items,
            MaxTotalSupport = claimable.Sum(i => i.MaxSupport ?? 0),
            MaxTotalSupportIfUnknownsMet = perhaps.Sum(i => i.MaxSupport ?? 0),
            UnboundedMeasures = perhaps.Count(i => i.MaxSupport is null),
        };
    }
}

/// <summary>Judges one measure's conditions against a profile, explaining each in the request's language.</summary>
public sealed class ConditionJudge(EnterpriseProfile profile, DateOnly day, IReadOnlySet<string>? parkAndAncestors, IReadOnlyDictionary<string, string> parkNames)
{
    private static readonly Dictionary<Industry, Text> IndustryNames = new()
    {
        [Industry.MarineEquipmentManufacturing] = new("海洋装备制造", "marine equipment manufacturing"),
        [Industry.MarineBiomedicine] = new("海洋生物医药", "marine biomedicine"),
        [Industry.MarineElectronicInformation] = new("海洋电子信息", "marine electronic information"),
        [Industry.Other] = new("其他产业", "other industries"),
    };

    private static readonly Dictionary<Qualification, Text> QualificationNames = new()
    {
        [Qualification.HighTechEnterprise] = new("高新技术企业", "high-tech enterprise"),
        [Qualification.TechSme] = new("科技型中小企业", "technology-based SME"),
        [Qualification.IncubatingEnterprise] = new("在孵企业", "enterprise in incubation"),
        [Qualification.SpecialisedSme] = new("专精特新中小企业", "specialised and innovative SME"),
    };

    private static readonly Text NotStated = new("企业画像未提供该信息。", "The profile does not say.");

    public IEnumerable<ConditionResult> Judge(MeasureConditions conditions, PolicyRow policy)
    {
        var parks = conditions.Parks is { Count: > 0 } ? conditions.Parks : policy.ParkCodes;
        if (parks.Count > 0)
        {
            var names = string.Join(Lang.Pick("、", ", "), parks.Select(code => parkNames.GetValueOrDefault(code, code)));
            yield return Result(ConditionKind.Park,
                parkAndAncestors is null ? null : parks.Any(parkAndAncestors.Contains),
                new($"注册在：{names}（含下级园区）", $"Registered in: {names} (or a park within)"),
                profile.ParkCode is { } p ? new($"企业注册在{parkNames.GetValueOrDefault(p, p)}。", $"Registered in {parkNames.GetValueOrDefault(p, p)}.") : NotStated);
        }

        var industries = conditions.Industries is { Count: > 0 } ? conditions.Industries
            : policy.Industries.Select(PolicyEnums.Parse<Industry>).ToList();
        if (industries.Count > 0)
        {
            var names = industries.Select(i => IndustryNames[i]).ToList();
            yield return Result(ConditionKind.Industry,
                profile.Industry is { } industry ? industries.Contains(industry) : null,
                new($"所属产业：{string.Join("、", names.Select(n => n.Zh))}", $"Industry: {string.Join(", ", names.Select(n => n.En))}"),
                profile.Industry is { } own ? new($"企业属于{IndustryNames[own].Zh}。", $"The enterprise is in {IndustryNames[own].En}.") : NotStated);
        }

        foreach (var qualification in conditions.Qualifications ?? [])
        {
            var name = QualificationNames[qualification];
            var held = profile.Qualifications?.Contains(qualification);
            yield return Result(ConditionKind.Qualification, held,
                new($"须为{name.Zh}", $"Must be a {name.En}"),
                held switch
                {
                    true => new($"企业是{name.Zh}。", $"The enterprise is a {name.En}."),
                    false => new($"企业不是{name.Zh}。", $"The enterprise is not a {name.En}."),
                    null => NotStated,
                });
        }

        if (conditions.MinRndSpend is { } minSpend)
        {
            yield return Result(ConditionKind.MinRndSpend, profile.RndSpend is { } spend ? spend >= minSpend : null,
                new($"年研发投入不低于 {minSpend} 万元", $"Yearly R&D spend of at least {minSpend} (10k yuan)"),
                profile.RndSpend is { } s ? new($"企业年研发投入 {s} 万元。", $"The enterprise spends {s} (10k yuan) on R&D a year.") : NotStated);
        }

        if (conditions.MinHeadcount is { } minHeadcount)
        {
            yield return Result(ConditionKind.MinHeadcount, profile.Headcount is { } headcount ? headcount >= minHeadcount : null,
                new($"员工不少于 {minHeadcount} 人", $"At least {minHeadcount} employees"),
                profile.Headcount is { } h ? new($"企业有 {h} 名员工。", $"The enterprise has {h} employees.") : NotStated);
        }

        int? years = profile.RegisteredOn is { } registered ? WholeYearsBetween(registered, day) : null;
        var registeredText = years is { } y ? new Text($"企业注册满 {y} 年。", $"Registered {y} full years.") : NotStated;
        if (conditions.MinYearsRegistered is { } minYears)
        {
            yield return Result(ConditionKind.MinYearsRegistered, years is { } y1 ? y1 >= minYears : null,
                new($"注册满 {minYears} 年", $"Registered at least {minYears} years"), registeredText);
        }
        if (conditions.MaxYearsRegistered is { } maxYears)
        {
            yield return Result(ConditionKind.MaxYearsRegistered, years is { } y2 ? y2 <= maxYears : null,
                new($"注册不超过 {maxYears} 年", $"Registered at most {maxYears} years"), registeredText);
        }
    }

    private static ConditionResult Result(ConditionKind kind, bool? met, Text requirement, Text explanation) => new()
    {
        Kind = kind,
        Outcome = met switch { true => ConditionOutcome.Met, false => ConditionOutcome.NotMet, null => ConditionOutcome.Unknown },
        Requirement = Lang.Pick(requirement),
        Explanation = Lang.Pick(explanation),
    };

    private static int WholeYearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}
