using System.Globalization;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Targets;

namespace Gaoxin.Api.Features.Targets;

/// <summary>The figure a target is judged by: its value and the day it is valid on.</summary>
public sealed record ActualFigure(decimal Value, string Period, DateOnly AsOf);

/// <summary>A target's standing on a day, with the numbers behind it and the reason in both languages.</summary>
public sealed record TargetEvaluation(TargetStatus Status, decimal? Gap, decimal? ShareDone, decimal ShareOfTimeGone, Text Explanation);

/// <summary>
/// The status rule, written once (README "Targets"). With <c>on</c> the day asked about:
/// no figure → noData; the figure meets the target → achieved; the due date has passed → missed when a figure dated
/// on or after it falls short, late when none is dated that late yet; before the due date → onTrack when the share
/// of the way done (from the baseline, or from zero for "at least" targets without one) keeps up with the share of
/// the time gone (from the baseline's day, or the period's first day, to the due date), else atRisk, and atRisk when
/// the share done cannot be measured (an "at most" or "exactly" target without a baseline).
/// </summary>
public static class TargetRules
{
    public static TargetEvaluation Evaluate(TargetDirection direction, decimal target, DateOnly dueOn, DateOnly periodStart,
        decimal? baselineValue, DateOnly? baselineOn, ActualFigure? actual, DateOnly on)
    {
        var start = baselineOn ?? periodStart;
        var timeGone = ShareOfTime(start, dueOn, on);
        var wanted = Describe(direction, target, dueOn);
        if (actual is null)
        {
            return new(TargetStatus.NoData, null, null, timeGone,
                new($"尚无该期间的数据；目标为{wanted.Zh}。", $"No figure for the period yet; the target is {wanted.En}."));
        }

        var gap = direction switch
        {
            TargetDirection.AtLeast => target - actual.Value,
            TargetDirection.AtMost => actual.Value - target,
            _ => Math.Abs(target - actual.Value),
        };
        var from = baselineValue ?? (direction == TargetDirection.AtLeast ? 0m : null);
        decimal? done = from is { } b && b != target ? Math.Clamp((actual.Value - b) / (target - b), 0m, 1m) : null;
        var figure = new Text($"实际 {Number(actual.Value)}（{actual.AsOf:yyyy-MM-dd}）", $"the figure is {Number(actual.Value)} (as of {actual.AsOf:yyyy-MM-dd})");

        if (gap <= 0)
        {
            return new(TargetStatus.Achieved, gap, 1m, timeGone,
                new($"{figure.Zh}，已达到目标（{wanted.Zh}）。", $"{Capital(figure.En)}, which meets the target ({wanted.En})."));
        }
        if (on > dueOn)
        {
            return actual.AsOf >= dueOn
                ? new(TargetStatus.Missed, gap, done, 1m,
                    new($"{figure.Zh}，截止日后的数据仍未达到目标（{wanted.Zh}），差 {Number(gap)}。", $"{Capital(figure.En)}, dated after the due date and still {Number(gap)} short of the target ({wanted.En})."))
                : new(TargetStatus.Late, gap, done, 1m,
                    new($"已过截止日，{figure.Zh}，差 {Number(gap)}；尚无截止日之后的数据（{wanted.Zh}）。", $"The due date has passed; {figure.En}, {Number(gap)} short, and no figure dated since ({wanted.En})."));
        }
        if (done is null)
        {
            return new(TargetStatus.AtRisk, gap, null, timeGone,
                new($"{figure.Zh}，差 {Number(gap)}；没有基线，无法衡量进度（{wanted.Zh}）。", $"{Capital(figure.En)}, {Number(gap)} short; with no baseline the progress cannot be measured ({wanted.En})."));
        }
        var progress = new Text($"完成 {Percent(done.Value)}，时间已过 {Percent(timeGone)}", $"{Percent(done.Value)} of the way done with {Percent(timeGone)} of the time gone");
        return done >= timeGone
            ? new(TargetStatus.OnTrack, gap, done, timeGone, new($"{figure.Zh}，{progress.Zh}：进度正常（{wanted.Zh}）。", $"{Capital(figure.En)}: {progress.En}, on track ({wanted.En})."))
            : new(TargetStatus.AtRisk, gap, done, timeGone, new($"{figure.Zh}，{progress.Zh}：进度落后（{wanted.Zh}）。", $"{Capital(figure.En)}: {progress.En}, behind ({wanted.En})."));
    }

    /// <summary>The share of the time from <paramref name="start"/> to <paramref name="dueOn"/> gone on <paramref name="on"/>, 0–1.</summary>
    public static decimal ShareOfTime(DateOnly start, DateOnly dueOn, DateOnly on)
    {
        var span = dueOn.DayNumber - start.DayNumber;
        if (span <= 0)
        {
            return on >= dueOn ? 1m : 0m;
        }
        return Math.Round(Math.Clamp((decimal)(on.DayNumber - start.DayNumber) / span, 0m, 1m), 4);
    }

    private static Text Describe(TargetDirection direction, decimal value, DateOnly dueOn) => direction switch
    {
        TargetDirection.AtLeast => new($"{dueOn:yyyy-MM-dd} 前不低于 {Number(value)}", $"at least {Number(value)} by {dueOn:yyyy-MM-dd}"),
        TargetDirection.AtMost => new($"{dueOn:yyyy-MM-dd} 前不高于 {Number(value)}", $"at most {Number(value)} by {dueOn:yyyy-MM-dd}"),
        _ => new($"{dueOn:yyyy-MM-dd} 前等于 {Number(value)}", $"exactly {Number(value)} by {dueOn:yyyy-MM-dd}"),
    };

    private static string Number(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
