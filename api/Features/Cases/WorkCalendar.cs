using Gaoxin.Contracts.Cases;

namespace Gaoxin.Api.Features.Cases;

/// <summary>
/// Working days as the State Council's holiday notices define them: Monday to Friday, except the public holidays,
/// plus the weekend days worked in exchange (调休). Time limits run from the day after acceptance (受理之日的次日起算),
/// so a step accepted on a Friday with a limit of one working day is due on the Monday.
/// </summary>
public sealed class WorkCalendar(IReadOnlyCollection<CalendarYear> years)
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _days = years.SelectMany(y => y.Days).GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().Kind);
    private readonly HashSet<int> _years = years.Select(y => y.Year).ToHashSet();

    public bool IsWorkingDay(DateOnly day) =>
        _days.TryGetValue(day, out var kind) ? kind == CalendarDayKind.Workday : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// Working days after <paramref name="start"/> up to and including <paramref name="end"/> (0 when end is not after
    /// start): the weekdays between them by arithmetic, then each day of the calendar in between that differs from the
    /// week's rule, so a far day costs no more than a near one.
    /// </summary>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end <= start)
        {
            return 0;
        }
        var count = Weekdays(end) - Weekdays(start);
        foreach (var (day, kind) in _days)
        {
            if (day > start && day <= end && IsWeekend(day) != (kind == CalendarDayKind.Holiday))
            {
                count += kind == CalendarDayKind.Workday ? 1 : -1;
            }
        }
        return count;
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Monday-to-Friday days from the calendar's first day (a Monday) up to and including <paramref name="day"/>.</summary>
    private static int Weekdays(DateOnly day)
    {
        var days = day.DayNumber + 1; // day number 0, 0001-01-01, is a Monday
        return days / 7 * 5 + Math.Min(days % 7, 5);
    }

    /// <summary>The <paramref name="workingDays"/>-th working day after <paramref name="start"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var day = start;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>The years between the two days (both included) with no holiday notice on record.</summary>
    public IEnumerable<int> MissingYears(DateOnly from, DateOnly to) => Enumerable.Range(from.Year, Math.Max(0, to.Year - from.Year + 1)).Where(y => !_years.Contains(y));
}
