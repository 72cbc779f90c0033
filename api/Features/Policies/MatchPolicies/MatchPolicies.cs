using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.MatchPolicies;

/// <param name="Limit">A page of this many items (1–500); null: every item, as before paging existed.</param>
/// <param name="Cursor">The nextCursor of the previous page.</param>
public sealed record MatchPoliciesQuery(PolicyMatchRequest Body, int? Limit = null, string? Cursor = null) : IQuery<PolicyMatchResult>
{
    public const int MaxLimit = 500;
}

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
        RuleFor(q => q.Limit).InclusiveBetween(1, MatchPoliciesQuery.MaxLimit).When(q => q.Limit is not null);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => ListPolicies.OffsetCursor.TryDecode(cursor, out _));
    }
}

/// <summary>
/// Matches a profile against every measure in force on the day. Deterministic: the same profile, day and catalogue
/// always give the same answer in the same order. Conditions a measure does not state come from its document
/// (parks, industries); a fact the profile does not give makes a condition unknown, never met.
/// The catalogue in force is read from memory (<see cref="MatchCache"/>, reloaded when a write moves its revision),
/// every measure gets its status, which orders the answer and makes the totals, and only the page asked for is
/// explained condition by condition and sent.
/// </summary>
public sealed class MatchPoliciesHandler(ReadDatabase db, TimeProvider clock, MatchCache cache) : IRequestHandler<MatchPoliciesQuery, PolicyMatchResult>
{
    public async Task<PolicyMatchResult> Handle(MatchPoliciesQuery query, CancellationToken cancellationToken)
    {
        var profile = query.Body.Profile;
        var day = query.Body.Date ?? clock.Today();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var catalogue = await cache.CatalogueAsync(connection, day, cancellationToken);
        HashSet<string>? parkAndAncestors = null;
        if (profile.ParkCode is { } park)
        {
            parkAndAncestors = catalogue.Ancestors.TryGetValue(park, out var up) ? [.. up] : throw ParkErrors.NotFound(park);
        }

        var facts = MatchFacts.FromProfile(profile, parkAndAncestors);
        var ranked = catalogue.Measures
            .Select(m => (Measure: m, Eligibility: MatchRules.EligibilityOf(MatchRules.Status(m.Conditions, facts, day))))
            .OrderBy(m => m.Eligibility) // stable: keeps the policy and measure order within each group
            .ToList();
        ListPolicies.OffsetCursor.TryDecode(query.Cursor, out var skip);
        var page = query.Limit is { } limit ? ranked.Skip(skip).Take(limit).ToList() : ranked;

        var judge = new ConditionJudge(facts, day, catalogue.Parks.InRequestLanguage());
        var claimable = ranked.Where(i => i.Eligibility == Eligibility.Eligible).ToList();
        var perhaps = ranked.Where(i => i.Eligibility != Eligibility.NotEligible).ToList();
        return new PolicyMatchResult
        {
            Date = day,
            Items = page.Select(m =>
            {
                var (_, conditions) = judge.Judge(m.Measure.Conditions);
                return new MeasureMatch
                {
                    Measure = m.Measure.Measure.ToDto(),
                    Policy = m.Measure.Policy.ToRef(),
                    Eligibility = m.Eligibility,
                    Conditions = conditions,
                    MaxSupport = m.Measure.Measure.MaxSupport,
                };
            }).ToList(),
            Total = ranked.Count,
            Eligible = claimable.Count,
            PossiblyEligible = perhaps.Count - claimable.Count,
            NextCursor = query.Limit is { } size && skip + size < ranked.Count ? ListPolicies.OffsetCursor.Encode(skip + size) : null,
            MaxTotalSupport = claimable.Sum(i => i.Measure.Measure.MaxSupport ?? 0),
            MaxTotalSupportIfUnknownsMet = perhaps.Sum(i => i.Measure.Measure.MaxSupport ?? 0),
            UnboundedMeasures = perhaps.Count(i => i.Measure.Measure.MaxSupport is null),
        };
    }
}
