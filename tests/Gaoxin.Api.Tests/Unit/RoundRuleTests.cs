using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Rounds;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Tests.Unit;

/// <summary>The pure parts of reporting rounds: periods and their days, the workflow table, and judging a rule.</summary>
public sealed class RoundRuleTests
{
    private static Period P(string text) => Period.TryParse(text, out var p) ? p : throw new ArgumentException(text);

    [Theory]
    [InlineData("2024-Q1", "2023-Q4", "2023-Q1")]
    [InlineData("2024-01", "2023-12", "2023-01")]
    [InlineData("2024", "2023", "2023")]
    [InlineData("2024-03", "2024-02", "2023-03")]
    public void The_previous_period_and_the_same_period_last_year_are_of_the_same_type(string period, string previous, string lastYear)
    {
        Assert.Equal(previous, ReportingPeriods.Previous(P(period)).Canonical);
        Assert.Equal(lastYear, ReportingPeriods.SameLastYear(P(period)).Canonical);
    }

    [Fact]
    public void A_round_opens_after_its_period_is_due_days_later_and_closes_after_that()
    {
        var q1 = P("2024-Q1");
        Assert.Equal(new DateOnly(2024, 4, 1), ReportingPeriods.OpensOn(q1));
        Assert.Equal(new DateOnly(2024, 4, 15), ReportingPeriods.DueOn(q1, 15));
        Assert.Equal(new DateOnly(2024, 5, 15), ReportingPeriods.ClosesOn(q1, 15, 30));
        Assert.Null(ReportingPeriods.ClosesOn(q1, 15, null));
        Assert.Null(ReportingPeriods.Parse("2024-03", ReportingPeriodType.Quarter));
        Assert.Equal("2024-Q1", ReportingPeriods.Parse("2024-q1", ReportingPeriodType.Quarter)!.Canonical);
        Assert.Equal(["2024-Q2", "2024-Q1", "2023-Q4"], ReportingPeriods.Between(P("2023-Q4"), P("2024-Q2"), 10).Select(p => p.Canonical));
        Assert.Equal(["2024-Q2", "2024-Q1"], ReportingPeriods.Between(P("2020-Q1"), P("2024-Q2"), 2).Select(p => p.Canonical));
    }

    [Fact]
    public void The_workflow_allows_each_step_only_from_its_states_and_to_the_role_that_takes_it()
    {
        Assert.Equal(RoundState.Submitted, RoundWorkflow.Target(RoundAction.Submit, RoundState.Returned));
        Assert.Null(RoundWorkflow.Target(RoundAction.Submit, RoundState.Approved));
        Assert.Null(RoundWorkflow.Target(RoundAction.Approve, RoundState.InProgress));
        Assert.Equal(RoundState.Returned, RoundWorkflow.Target(RoundAction.Return, RoundState.Approved));
        Assert.Null(RoundWorkflow.Target(RoundAction.Return, RoundState.Published)); // published figures are reopened, not returned
        Assert.Equal(RoundState.InProgress, RoundWorkflow.Target(RoundAction.Reopen, RoundState.Published));
        Assert.Equal([RoundAction.Approve, RoundAction.Return, RoundAction.Unlock], RoundWorkflow.ActionsFrom(RoundState.Submitted));
        Assert.Equal(RoundState.NotStarted, RoundWorkflow.Shown(null, 0));
        Assert.Equal(RoundState.InProgress, RoundWorkflow.Shown("open", 2));

        var reviewer = new HashSet<RoundWorkflow.Role> { RoundWorkflow.Role.Reviewer };
        Assert.True(RoundWorkflow.MayTake(RoundAction.Approve, reviewer));
        Assert.False(RoundWorkflow.MayTake(RoundAction.Submit, reviewer));
        Assert.False(RoundWorkflow.MayTake(RoundAction.Reopen, reviewer));
        Assert.True(RoundWorkflow.MayTake(RoundAction.Approve, new HashSet<RoundWorkflow.Role> { RoundWorkflow.Role.Admin }));
    }

    private static readonly Dictionary<(string, string?, RulePeriod), decimal> Figures = new()
    {
        [("sales", null, RulePeriod.Current)] = 120,
        [("exports", null, RulePeriod.Current)] = 100,
        [("exports", "asean", RulePeriod.Current)] = 30,
        [("staff", null, RulePeriod.Current)] = 0,
        [("sales", null, RulePeriod.SameLastYear)] = 60,
        [("sales", null, RulePeriod.Previous)] = 110,
    };

    private static decimal? Lookup(string indicator, string? member, RulePeriod period) =>
        Figures.TryGetValue((indicator, member, period), out var value) ? value : null;

    private static ValidationRuleFields Compare(RuleSide left, RuleOperator op, RuleSide right) => new()
    {
        Code = "rule", Names = new LocalizedText { Zh = "规则", En = "Rule" }, Severity = RuleSeverity.Error, Kind = RuleKind.Compare,
        Left = left, Operator = op, Right = right,
    };

    private static RuleSide Of(params string[] indicators) => new() { Terms = indicators.Select(i => new RuleTerm { IndicatorCode = i }).ToList() };

    [Theory]
    [InlineData(RuleOperator.GreaterThanOrEqual, false)]
    [InlineData(RuleOperator.GreaterThan, false)]
    [InlineData(RuleOperator.LessThanOrEqual, true)]
    [InlineData(RuleOperator.LessThan, true)]
    [InlineData(RuleOperator.Equal, true)]
    [InlineData(RuleOperator.NotEqual, false)]
    public void Exports_compared_with_sales_break_exactly_the_operators_that_do_not_hold(RuleOperator op, bool broken)
    {
        var breach = RuleJudge.Judge(Compare(Of("sales"), op, Of("exports")), Lookup);
        Assert.Equal(broken, breach is not null);
        if (breach is not null)
        {
            Assert.Equal((120m, 100m), (breach.Left, breach.Right));
            Assert.Contains("120", breach.Message.En);
            Assert.Contains("100", breach.Message.Zh);
        }
    }

    [Fact]
    public void Sums_members_ratios_and_constants_are_evaluated_and_a_missing_figure_or_a_zero_divisor_skips_the_rule()
    {
        // sales − exports + 10 = 30 ≥ asean exports 30
        var sum = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "sales" }, new RuleTerm { IndicatorCode = "exports", Factor = -1 }], Constant = 10 };
        var asean = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "exports", Member = "asean" }] };
        Assert.Null(RuleJudge.Judge(Compare(sum, RuleOperator.GreaterThanOrEqual, asean), Lookup));
        Assert.NotNull(RuleJudge.Judge(Compare(sum, RuleOperator.GreaterThan, asean), Lookup));

        // exports ÷ sales ≤ 0.5 is broken (0.8333…)
        var share = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "exports" }], DivideBy = [new RuleTerm { IndicatorCode = "sales" }] };
        var half = new RuleSide { Constant = 0.5m };
        Assert.Equal(100m / 120m, RuleJudge.Judge(Compare(share, RuleOperator.LessThanOrEqual, half), Lookup)!.Left);

        Assert.Null(RuleJudge.Judge(Compare(Of("missing"), RuleOperator.Equal, Of("sales")), Lookup));
        var byZero = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "sales" }], DivideBy = [new RuleTerm { IndicatorCode = "staff" }] };
        Assert.Null(RuleJudge.Judge(Compare(byZero, RuleOperator.Equal, half), Lookup));
    }

    [Fact]
    public void A_change_rule_compares_with_the_period_it_names_in_both_directions()
    {
        ValidationRuleFields Change(ChangeBase against, decimal max) => new()
        {
            Code = "growth", Names = new LocalizedText { Zh = "增长", En = "Growth" }, Severity = RuleSeverity.Warning, Kind = RuleKind.Change,
            IndicatorCode = "sales", Against = against, MaxChangePercent = max,
        };
        var yearOnYear = RuleJudge.Judge(Change(ChangeBase.SamePeriodLastYear, 50), Lookup)!;
        Assert.Equal((120m, 60m, RuleSeverity.Warning), (yearOnYear.Left, yearOnYear.Right, yearOnYear.Severity));
        Assert.Contains("100", yearOnYear.Message.En); // +100 %
        Assert.Null(RuleJudge.Judge(Change(ChangeBase.SamePeriodLastYear, 100), Lookup));
        Assert.Null(RuleJudge.Judge(Change(ChangeBase.PreviousPeriod, 10), Lookup)); // +9.1 %
        Assert.NotNull(RuleJudge.Judge(Change(ChangeBase.PreviousPeriod, 9), Lookup));
        Assert.Contains("填写说明", yearOnYear.Advice.Zh); // a warning's default advice: explain it
    }
}
