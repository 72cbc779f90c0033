using FluentValidation.Results;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Observations;

/// <summary>The checks a value must pass for its indicator's kind and breakdown; each failure names its field.</summary>
public static class ObservationRules
{
    public static ValidationFailure? CheckValue(ValueKind kind, decimal value, string field) => kind switch
    {
        ValueKind.Count when value < 0 || value != decimal.Truncate(value) =>
            new ValidationFailure(field, Lang.Pick("计数必须是非负整数。", "A count must be a whole number, zero or more.")),
        ValueKind.Percent or ValueKind.Progress when value is < 0 or > 100 =>
            new ValidationFailure(field, Lang.Pick("百分比必须在 0 到 100 之间。", "A percentage must be between 0 and 100.")),
        _ => null,
    };

    public static ValidationFailure? CheckMember(StoredBreakdown? definition, string member, string indicatorCode, string field)
    {
        if (definition is null)
        {
            return new ValidationFailure(field, Lang.Pick($"指标“{indicatorCode}”没有分项。", $"Indicator '{indicatorCode}' has no breakdown."));
        }
        var allowed = definition.Members.Select(m => m.Code).ToList();
        return allowed.Contains(member)
            ? null
            : new ValidationFailure(field, Lang.Pick($"未知分项“{member}”；可用：{string.Join("、", allowed)}。", $"Unknown member '{member}'; allowed: {string.Join(", ", allowed)}."));
    }
}
