using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Indicators;

/// <summary>
/// The status of a progress figure against its plan. The source data has no start dates, so "at risk" is a plain,
/// documented rule rather than a projection: under 90 % done with 30 days or fewer left.
/// </summary>
public static class ProgressRules
{
    public const int AtRiskDays = 30;
    public const decimal AtRiskBelowPercent = 90m;

    public static ProgressStatus Status(decimal percentDone, DateOnly plannedCompletion, DateOnly today)
    {
        if (percentDone >= 100m)
        {
            return ProgressStatus.Done;
        }
        if (today > plannedCompletion)
        {
            return ProgressStatus.Late;
        }
        return plannedCompletion.DayNumber - today.DayNumber <= AtRiskDays && percentDone < AtRiskBelowPercent
            ? ProgressStatus.AtRisk
            : ProgressStatus.OnTrack;
    }
}
