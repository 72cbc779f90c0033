using Gaoxin.Api.Features.Targets;
using Gaoxin.Contracts.Targets;

namespace Gaoxin.Api.Tests.Unit;

public sealed class TargetRulesTests
{
    private static readonly DateOnly PeriodStart = new(2025, 1, 1);
    private static readonly DateOnly Due = new(2025, 12, 31);

    private static TargetEvaluation AtLeast40(decimal? actual, DateOnly on, DateOnly? asOf = null, decimal? baseline = 20, DateOnly? baselineOn = null) =>
        TargetRules.Evaluate(TargetDirection.AtLeast, 40, Due, PeriodStart, baseline, baseline is null ? null : baselineOn ?? PeriodStart,
            actual is null ? null : new ActualFigure(actual.Value, "2025", asOf ?? on), on);

    [Fact]
    public void Without_a_figure_there_is_no_data_and_the_time_still_runs()
    {
        var result = AtLeast40(null, new DateOnly(2025, 7, 2));
        Assert.Equal(TargetStatus.NoData, result.Status);
        Assert.Equal(0.5m, Math.Round(result.ShareOfTimeGone, 1));
        Assert.Null(result.Gap);
    }

    [Theory]
    [InlineData(TargetDirection.AtLeast, 40, TargetStatus.Achieved)]
    [InlineData(TargetDirection.AtLeast, 39, TargetStatus.OnTrack)] // counted from zero: 97.5% done, 91% of the time gone
    [InlineData(TargetDirection.AtMost, 40, TargetStatus.Achieved)]
    [InlineData(TargetDirection.AtMost, 41, TargetStatus.AtRisk)]
    [InlineData(TargetDirection.Exactly, 40, TargetStatus.Achieved)]
    [InlineData(TargetDirection.Exactly, 39.5, TargetStatus.AtRisk)]
    public void A_figure_that_meets_the_target_in_its_direction_achieves_it(TargetDirection direction, decimal actual, TargetStatus expected)
    {
        // Near the deadline, with no baseline: "at most" and "exactly" cannot measure progress, so short means at risk.
        var on = new DateOnly(2025, 12, 1);
        var result = TargetRules.Evaluate(direction, 40, Due, PeriodStart, null, null, new ActualFigure(actual, "2025", on), on);
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Progress_that_keeps_up_with_the_time_is_on_track_and_lagging_progress_is_at_risk()
    {
        // Baseline 20 on 1 January, target 40 by 31 December; on 2 July half the time has gone.
        var on = new DateOnly(2025, 7, 2);
        var ahead = AtLeast40(31, on);
        Assert.Equal((TargetStatus.OnTrack, 0.55m, 9m), (ahead.Status, ahead.ShareDone!.Value, ahead.Gap!.Value));
        var behind = AtLeast40(29, on);
        Assert.Equal((TargetStatus.AtRisk, 0.45m), (behind.Status, behind.ShareDone!.Value));
        Assert.Contains("45%", behind.Explanation.Zh);
        Assert.Contains("50% of the time gone", behind.Explanation.En);
    }

    [Fact]
    public void Without_a_baseline_an_at_least_target_counts_from_zero()
    {
        var result = AtLeast40(24, new DateOnly(2025, 7, 2), baseline: null);
        Assert.Equal((TargetStatus.OnTrack, 0.6m), (result.Status, result.ShareDone!.Value));
    }

    [Fact]
    public void After_the_due_date_a_short_figure_dated_after_it_is_missed_and_one_dated_before_it_is_late()
    {
        var on = new DateOnly(2026, 2, 1);
        Assert.Equal(TargetStatus.Missed, AtLeast40(35, on, asOf: new DateOnly(2025, 12, 31)).Status);
        var late = AtLeast40(35, on, asOf: new DateOnly(2025, 9, 30));
        Assert.Equal(TargetStatus.Late, late.Status);
        Assert.Equal(1m, late.ShareOfTimeGone);
        Assert.Equal(TargetStatus.Achieved, AtLeast40(41, on, asOf: new DateOnly(2025, 9, 30)).Status);
    }

    [Fact]
    public void An_at_most_target_measures_progress_down_from_its_baseline()
    {
        var on = new DateOnly(2025, 7, 2);
        var result = TargetRules.Evaluate(TargetDirection.AtMost, 80, Due, PeriodStart, 100, PeriodStart, new ActualFigure(88, "2025-Q2", on), on);
        Assert.Equal((TargetStatus.OnTrack, 0.6m, 8m), (result.Status, result.ShareDone!.Value, result.Gap!.Value));
    }
}
