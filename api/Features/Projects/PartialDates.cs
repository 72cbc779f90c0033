using System.Text.RegularExpressions;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

/// <summary>
/// Dates as the sources give them: a day, a month or a year. Two rules read them, written here once: a fact (it
/// started, it was done) counts from the first day it may have happened; a deadline (planned completion) runs to the
/// last day it allows. "Completion planned for October 2023" is late on 1 November, not on 1 October.
/// </summary>
public static partial class PartialDates
{
    public static bool IsValid(string? text) => text is null || (Format().IsMatch(text) && Period.TryParse(text, out _));

    /// <summary>The first day the text allows (a fact counts from here).</summary>
    public static DateOnly? First(string? text) => text is not null && Period.TryParse(text, out var period) ? period.Start : null;

    /// <summary>The last day the text allows (a deadline runs to here).</summary>
    public static DateOnly? Last(string? text) => text is not null && Period.TryParse(text, out var period) ? period.End : null;

    [GeneratedRegex(PartialDate.Pattern)]
    private static partial Regex Format();
}
