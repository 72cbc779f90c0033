using System.Globalization;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>Which period a figure in a rule is read from, relative to the round's.</summary>
public enum RulePeriod { Current, Previous, SameLastYear }

/// <summary>A rule broken by a park's figures: the values on both sides and the words for it.</summary>
public sealed record Breach(string RuleCode, Text Rule, RuleSeverity Severity, decimal Left, decimal Right, Text Message, Text Advice);

/// <summary>
/// Judges one validation rule against a park's figures. Pure: the figures come in as a lookup, so the same judgement
/// serves submission, the on-demand check and the status table. A rule that needs a figure not recorded (or divides by
/// zero) is skipped, not broken: completeness already reports what is missing.
/// </summary>
public static class RuleJudge
{
    /// <summary>A figure by indicator, member (null: the total) and period; null when not recorded.</summary>
    public delegate decimal? Figures(string indicatorCode, string? member, RulePeriod period);

    public static Breach? Judge(ValidationRuleFields rule, Figures figures) => rule.Kind switch
    {
        RuleKind.Compare => Compare(rule, figures),
        _ => Change(rule, figures),
    };

    private static Breach? Compare(ValidationRuleFields rule, Figures figures)
    {
        if (Value(rule.Left!, figures) is not { } left || Value(rule.Right!, figures) is not { } right)
        {
            return null;
        }
        var holds = rule.Operator switch
        {
            RuleOperator.Equal => left == right,
            RuleOperator.NotEqual => left != right,
            RuleOperator.LessThan => left < right,
            RuleOperator.LessThanOrEqual => left <= right,
            RuleOperator.GreaterThan => left > right,
            _ => left >= right,
        };
        if (holds)
        {
            return null;
        }
        var (zh, en) = Words(rule.Operator!.Value);
        return BreachOf(rule, left, right, new(
            $"左边为 {Show(left)}，应{zh}右边的 {Show(right)}。",
            $"The left side is {Show(left)}; it should be {en} the right side, {Show(right)}."));
    }

    private static Breach? Change(ValidationRuleFields rule, Figures figures)
    {
        var before = rule.Against == ChangeBase.PreviousPeriod ? RulePeriod.Previous : RulePeriod.SameLastYear;
        if (figures(rule.IndicatorCode!, null, RulePeriod.Current) is not { } now || figures(rule.IndicatorCode!, null, before) is not { } earlier || earlier == 0)
        {
            return null;
        }
        var change = Math.Round((now - earlier) / Math.Abs(earlier) * 100, 1);
        if (Math.Abs(change) <= rule.MaxChangePercent)
        {
            return null;
        }
        var (zh, en) = rule.Against == ChangeBase.PreviousPeriod ? ("环比", "on the previous period") : ("同比", "on the same period last year");
        return BreachOf(rule, now, earlier, new(
            $"{zh}由 {Show(earlier)} 变为 {Show(now)}，变动 {Show(change)}%，超过允许的 ±{Show(rule.MaxChangePercent!.Value)}%。",
            $"It went from {Show(earlier)} to {Show(now)} {en}, a change of {Show(change)} %, beyond the ±{Show(rule.MaxChangePercent!.Value)} % allowed."));
    }

    /// <summary>The side's value: the sum of its terms and constant, divided by the sum of its divisors; null when a figure is missing or the divisor is zero.</summary>
    public static decimal? Value(RuleSide side, Figures figures)
    {
        if (Sum(side.Terms, figures) is not { } sum)
        {
            return null;
        }
        var value = sum + side.Constant;
        if (side.DivideBy.Count == 0)
        {
            return value;
        }
        return Sum(side.DivideBy, figures) is { } divisor && divisor != 0 ? value / divisor : null;
    }

    private static decimal? Sum(IReadOnlyList<RuleTerm> terms, Figures figures)
    {
        decimal sum = 0;
        foreach (var term in terms)
        {
            if (figures(term.IndicatorCode, term.Member, RulePeriod.Current) is not { } value)
            {
                return null;
            }
            sum += term.Factor * value;
        }
        return sum;
    }

    private static Breach BreachOf(ValidationRuleFields rule, decimal left, decimal right, Text message) => new(
        rule.Code, new(rule.Names.Zh, rule.Names.En), rule.Severity, left, right, message,
        rule.Advice is { } advice && (advice.Zh.Length > 0 || advice.En.Length > 0)
            ? new(advice.Zh, advice.En)
            : rule.Severity == RuleSeverity.Error
                ? new("请核对并更正数值后再上报。", "Check and correct the figures, then submit.")
                : new("数值无误时，请填写说明后上报；审核人会看到说明。", "If the figures are right, explain why before submitting; the reviewers will see it."));

    private static (string Zh, string En) Words(RuleOperator op) => op switch
    {
        RuleOperator.Equal => ("等于", "equal to"),
        RuleOperator.NotEqual => ("不等于", "different from"),
        RuleOperator.LessThan => ("小于", "less than"),
        RuleOperator.LessThanOrEqual => ("小于或等于", "at most"),
        RuleOperator.GreaterThan => ("大于", "greater than"),
        _ => ("大于或等于", "at least"),
    };

    private static string Show(decimal value) => decimal.Round(value, 4).Normalize().ToString(CultureInfo.InvariantCulture);

    private static decimal Normalize(this decimal value) => value / 1.000000000000000000000000000000000m;
}
