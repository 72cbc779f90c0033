using Gaoxin.Api.Infrastructure.Localization;
using FluentValidation;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gaoxin.Api.Features.Observations;

/// <summary>
/// A reporting period in one canonical string form: a year <c>2023</c>, a quarter <c>2023-Q1</c>, a month
/// <c>2023-03</c>, or a single date <c>2023-03-31</c> ("as of"). Start and end are the first and last day it covers.
/// </summary>
public sealed partial record Period(string Canonical, DateOnly Start, DateOnly End)
{
    public static bool TryParse(string? text, out Period period)
    {
        period = null!;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (year is < 1900 or > 2200)
        {
            return false;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = match.Groups["quarter"].Value[0] - '0';
            var start = new DateOnly(year, (quarter - 1) * 3 + 1, 1);
            period = new Period($"{year}-Q{quarter}", start, start.AddMonths(3).AddDays(-1));
            return true;
        }
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }
            if (match.Groups["day"].Success)
            {
                var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
                if (day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    return false;
                }
                var date = new DateOnly(year, month, day);
                period = new Period(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date, date);
                return true;
            }
            var first = new DateOnly(year, month, 1);
            period = new Period(first.ToString("yyyy-MM", CultureInfo.InvariantCulture), first, first.AddMonths(1).AddDays(-1));
            return true;
        }
        period = new Period(year.ToString(CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return true;
    }

    [GeneratedRegex(@"^(?<year>\d{4})(?:-(?:[Qq](?<quarter>[1-4])|(?<month>\d{2})(?:-(?<day>\d{2}))?))?$")]
    private static partial Regex Pattern();
}

public static class PeriodRules
{
    /// <summary>A period in one of its canonical forms (see <see cref="Period"/>).</summary>
    public static IRuleBuilderOptions<T, string?> MustBePeriod<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(period => period is null || Period.TryParse(period, out _))
            .WithMessage(_ => Lang.Pick("期间格式应为 2023、2023-Q1、2023-03 或 2023-03-31。", "A period is 2023, 2023-Q1, 2023-03 or 2023-03-31."));
}
