using Gaoxin.Api.Features.Observations;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>
/// The periods a data set is reported for, and a round's days: it opens the day after its period ends, is due
/// <c>dueAfterDays</c> later, and closes <c>closesAfterDays</c> after that (DHIS2's "expiry days", counted from the due
/// day so that the two settings cannot contradict each other).
/// </summary>
public static class ReportingPeriods
{
    /// <summary>The period in its canonical form when it is of the type (2024-Q1 for a quarter), else null.</summary>
    public static Period? Parse(string? text, ReportingPeriodType type) =>
        Period.TryParse(text, out var period) && TypeOf(period) == type ? period : null;

    public static ReportingPeriodType? TypeOf(Period period) => period.Canonical.Length switch
    {
        4 => ReportingPeriodType.Year,
        7 when period.Canonical[5] == 'Q' => ReportingPeriodType.Quarter,
        7 => ReportingPeriodType.Month,
        _ => null,
    };

    /// <summary>The period of the type that holds a day.</summary>
    public static Period Containing(DateOnly day, ReportingPeriodType type) => Of(type switch
    {
        ReportingPeriodType.Year => $"{day.Year:D4}",
        ReportingPeriodType.Quarter => $"{day.Year:D4}-Q{(day.Month - 1) / 3 + 1}",
        _ => $"{day.Year:D4}-{day.Month:D2}",
    });

    /// <summary>The period before (环比).</summary>
    public static Period Previous(Period period) => Containing(period.Start.AddDays(-1), TypeOf(period)!.Value);

    /// <summary>The same period a year before (同比).</summary>
    public static Period SameLastYear(Period period) => Containing(period.Start.AddYears(-1), TypeOf(period)!.Value);

    /// <summary>The periods from the first to the last, newest first, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<Period> Between(Period first, Period last, int max)
    {
        var periods = new List<Period>();
        for (var period = last; period.Start >= first.Start && periods.Count < max; period = Previous(period))
        {
            periods.Add(period);
            if (period.Start.Year <= 1900)
            {
                break;
            }
        }
        return periods;
    }

    public static DateOnly OpensOn(Period period) => period.End.AddDays(1);

    public static DateOnly DueOn(Period period, int dueAfterDays) => period.End.AddDays(dueAfterDays);

    public static DateOnly? ClosesOn(Period period, int dueAfterDays, int? closesAfterDays) =>
        closesAfterDays is { } days ? period.End.AddDays(dueAfterDays + days) : null;

    private static Period Of(string canonical) => Period.TryParse(canonical, out var period) ? period : throw new ArgumentException(canonical);
}
