using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Indicators;

public static class IndicatorErrors
{
    public static ApiException NotFound(string code) => new(Problems.IndicatorNotFound,
        new Text($"指标“{code}”不存在。", $"Indicator '{code}' does not exist."),
        new Dictionary<string, object?> { ["indicatorCode"] = code });

    public static ApiException CodeTaken(string code) => new(Problems.IndicatorCodeTaken,
        new Text($"代码“{code}”已被其他指标使用。", $"Code '{code}' is already used by another indicator."),
        new Dictionary<string, object?> { ["indicatorCode"] = code });

    public static ApiException HasObservations(string code, long count) => new(Problems.IndicatorHasObservations,
        new Text($"指标“{code}”仍有 {count} 条观测值，请先删除它们。", $"Indicator '{code}' still has {count} observations; delete them first."),
        new Dictionary<string, object?> { ["indicatorCode"] = code, ["observationCount"] = count });

    public static ApiException HasHistory(string code, long revisions) => new(Problems.IndicatorHasHistory,
        new Text($"指标“{code}”有 {revisions} 条观测值历史记录，历史须保留，因此不能删除该指标。",
                 $"Indicator '{code}' has {revisions} revisions of observation history, which is kept for good; the indicator cannot be deleted."),
        new Dictionary<string, object?> { ["indicatorCode"] = code, ["revisionCount"] = revisions });

    public static ApiException UnitLocked(string code) => new(Problems.IndicatorUnitLocked,
        new Text($"指标“{code}”已有观测值，不能再更改单位或数值类型。", $"Indicator '{code}' has observations; its unit and value kind can no longer change."),
        new Dictionary<string, object?> { ["indicatorCode"] = code });

    public static ApiException MemberInUse(string code, IReadOnlyList<string> members) => new(Problems.IndicatorMemberInUse,
        new Text($"指标“{code}”的观测值仍在使用分项：{string.Join("、", members)}。", $"Observations of indicator '{code}' still use the members: {string.Join(", ", members)}."),
        new Dictionary<string, object?> { ["indicatorCode"] = code, ["members"] = members });

    public static ApiException RuleBrokenByExisting(string code) => new(Problems.IndicatorRuleBrokenByExisting,
        new Text($"指标“{code}”已有总数与分项之和不等的观测值，不能启用该规则。", $"Indicator '{code}' has observations whose total differs from their breakdown; the rule cannot be switched on."),
        new Dictionary<string, object?> { ["indicatorCode"] = code });

    public static ApiException IncompatibleUnit(string code, string from, string to) => new(Problems.UnitIncompatible, new Text($"指标“{code}”的单位 {from} 不能换算为 {to}；只有面积单位（亩、公顷、平方米）可以互换。",
                 $"Indicator '{code}' is in {from}, which cannot convert to {to}; only area units (mu, hectare, square metre) convert."),
        new Dictionary<string, object?> { ["indicatorCode"] = code, ["unit"] = from, ["requestedUnit"] = to });
}
