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

        var judge = new ConditionJudge(MatchFacts.FromProfile(profile, parkAndAncestors), day, parkNames);
        var items = measures.Select(measure =>
        {
            var policy = policies[measure.PolicyId];
            var (status, conditions) = judge.Judge(EffectiveConditions.Of(measure.Conditions, policy));
            return new MeasureMatch
            {
                Measure = measure.ToDto(),
                Policy = policy.ToRef(),
                Eligibility = MatchRules.EligibilityOf(status),
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
