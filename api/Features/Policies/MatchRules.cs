using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

/// <summary>A number known about an enterprise and the year it is for (null: a profile typed in, which has no year).</summary>
public readonly record struct YearFact<T>(T Value, int? Year) where T : struct;

/// <summary>
/// What matching knows about an enterprise on one day; null means not known. Built from a profile typed in per call
/// (<see cref="FromProfile"/>) or from an enterprise's record (<c>EnterpriseFacts</c>).
/// </summary>
public sealed record MatchFacts
{
    public string? ParkCode { get; init; }

    /// <summary>The day it entered that park, when known.</summary>
    public DateOnly? ParkSince { get; init; }

    /// <summary>The park and every park above it: a condition on a park is met by any park within it.</summary>
    public IReadOnlySet<string>? ParkAndAncestors { get; init; }

    public IReadOnlySet<Industry>? Industries { get; init; }

    /// <summary>The qualifications held on the day, each with the day it began when known.</summary>
    public IReadOnlyDictionary<Qualification, DateOnly?>? Qualifications { get; init; }

    public YearFact<decimal>? RndSpend { get; init; }

    public YearFact<int>? Headcount { get; init; }

    public DateOnly? RegisteredOn { get; init; }

    public static MatchFacts FromProfile(EnterpriseProfile profile, IReadOnlySet<string>? parkAndAncestors) => new()
    {
        ParkCode = profile.ParkCode,
        ParkAndAncestors = parkAndAncestors,
        Industries = profile.Industry is { } industry ? new HashSet<Industry> { industry } : null,
        Qualifications = profile.Qualifications?.Distinct().ToDictionary(q => q, _ => (DateOnly?)null),
        RndSpend = profile.RndSpend is { } spend ? new YearFact<decimal>(spend, null) : null,
        Headcount = profile.Headcount is { } headcount ? new YearFact<int>(headcount, null) : null,
        RegisteredOn = profile.RegisteredOn,
    };
}

/// <summary>A measure's conditions as they apply: its own, with parks and industries falling back to its document's.</summary>
public sealed record EffectiveConditions(
    IReadOnlyList<string> Parks,
    IReadOnlyList<Industry> Industries,
    IReadOnlyList<Qualification> Qualifications,
    decimal? MinRndSpend,
    int? MinHeadcount,
    int? MinYearsRegistered,
    int? MaxYearsRegistered)
{
    public static EffectiveConditions Of(MeasureConditions conditions, PolicyRow policy) => new(
        conditions.Parks is { Count: > 0 } ? conditions.Parks : policy.ParkCodes,
        conditions.Industries is { Count: > 0 } ? conditions.Industries : policy.Industries.Select(PolicyEnums.Parse<Industry>).ToList(),
        conditions.Qualifications ?? [],
        conditions.MinRndSpend,
        conditions.MinHeadcount,
        conditions.MinYearsRegistered,
        conditions.MaxYearsRegistered);
}

/// <summary>
/// Each condition's rule, written once: the explaining matcher (<c>ConditionJudge</c>) and the bulk matching of the
/// registry and the match feed both call these. True met, false not met, null not decidable from the facts.
/// </summary>
public static class MatchRules
{
    // Plain loops, not LINQ: bulk matching calls these tens of millions of times, and a delegate per call shows.
    public static bool? Park(EffectiveConditions c, MatchFacts f)
    {
        if (f.ParkAndAncestors is not { } parks)
        {
            return null;
        }
        for (var i = 0; i < c.Parks.Count; i++)
        {
            if (parks.Contains(c.Parks[i])) return true;
        }
        return false;
    }

    public static bool? Industry(EffectiveConditions c, MatchFacts f)
    {
        if (f.Industries is not { } industries)
        {
            return null;
        }
        for (var i = 0; i < c.Industries.Count; i++)
        {
            if (industries.Contains(c.Industries[i])) return true;
        }
        return false;
    }

    public static bool? Qualification(Qualification required, MatchFacts f) => f.Qualifications?.ContainsKey(required);

    public static bool? MinRndSpend(decimal min, MatchFacts f) => f.RndSpend is { } spend ? spend.Value >= min : null;

    public static bool? MinHeadcount(int min, MatchFacts f) => f.Headcount is { } headcount ? headcount.Value >= min : null;

    public static int? YearsRegistered(MatchFacts f, DateOnly day) => f.RegisteredOn is { } registered ? WholeYearsBetween(registered, day) : null;

    public static bool? MinYears(int min, int? years) => years is { } y ? y >= min : null;

    public static bool? MaxYears(int max, int? years) => years is { } y ? y <= max : null;

    /// <summary>
    /// The status from the outcomes: every condition met (a measure without conditions too), none unmet but some
    /// undecided, some met and some not, or unmet with none met.
    /// </summary>
    public static MatchStatus StatusOf(int met, int notMet, int unknown) =>
        notMet == 0 ? (unknown == 0 ? MatchStatus.Met : MatchStatus.Unknown) : (met > 0 ? MatchStatus.Partial : MatchStatus.NotMet);

    /// <summary>How many conditions are met, unmet and undecided, without words: what bulk matching needs, fifty thousand enterprises at a time.</summary>
    public static (int Met, int NotMet, int Unknown) Tally(EffectiveConditions c, MatchFacts f, DateOnly day)
    {
        var tally = new Counter();
        if (c.Parks.Count > 0) tally.Add(Park(c, f));
        if (c.Industries.Count > 0) tally.Add(Industry(c, f));
        for (var i = 0; i < c.Qualifications.Count; i++) tally.Add(Qualification(c.Qualifications[i], f));
        if (c.MinRndSpend is { } minSpend) tally.Add(MinRndSpend(minSpend, f));
        if (c.MinHeadcount is { } minHeadcount) tally.Add(MinHeadcount(minHeadcount, f));
        if (c.MinYearsRegistered is not null || c.MaxYearsRegistered is not null)
        {
            var years = YearsRegistered(f, day);
            if (c.MinYearsRegistered is { } minYears) tally.Add(MinYears(minYears, years));
            if (c.MaxYearsRegistered is { } maxYears) tally.Add(MaxYears(maxYears, years));
        }
        return (tally.Met, tally.NotMet, tally.Unknown);
    }

    private struct Counter
    {
        public int Met, NotMet, Unknown;

        public void Add(bool? outcome)
        {
            switch (outcome)
            {
                case true: Met++; break;
                case false: NotMet++; break;
                default: Unknown++; break;
            }
        }
    }

    public static MatchStatus Status(EffectiveConditions c, MatchFacts f, DateOnly day)
    {
        var (met, notMet, unknown) = Tally(c, f, day);
        return StatusOf(met, notMet, unknown);
    }

    public static Eligibility EligibilityOf(MatchStatus status) => status switch
    {
        MatchStatus.Met => Eligibility.Eligible,
        MatchStatus.Unknown => Eligibility.PossiblyEligible,
        _ => Eligibility.NotEligible,
    };

    private static int WholeYearsBetween(DateOnly from, DateOnly to)
    {
        var years = to.Year - from.Year;
        return from.AddYears(years) > to ? years - 1 : years;
    }
}
