using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Observations;

public static class ObservationErrors
{
    public static ApiException NotFound(string indicator, string park, string period) => new(Problems.ObservationNotFound,
        new Text($"指标“{indicator}”在园区“{park}”、期间 {period} 没有观测值。", $"Indicator '{indicator}' has no observation for park '{park}' and period {period}."),
        new Dictionary<string, object?> { ["indicatorCode"] = indicator, ["parkCode"] = park, ["period"] = period });

    public static ApiException TotalMismatch(string indicator, decimal total, decimal sum, IReadOnlyDictionary<string, decimal> parts) => new(Problems.ObservationTotalMismatch,
        new Text($"总数 {total} 不等于分项之和 {sum}（{string.Join(" + ", parts.Values)}）：指标“{indicator}”要求总数等于分项之和。",
                 $"The total {total} differs from the sum of its breakdown, {sum} ({string.Join(" + ", parts.Values)}): indicator '{indicator}' requires the total to equal its breakdown."),
        new Dictionary<string, object?> { ["rule"] = "totalEqualsBreakdown", ["indicatorCode"] = indicator, ["total"] = total, ["breakdownSum"] = sum, ["breakdown"] = parts });

    public static ApiException CorrectionNeedsNote(string indicator, string park, string period) => new(Problems.ObservationCorrectionNeedsNote,
        new Text("更正已发布的数值时必须填写说明（note）。", "A correction of a published value needs a note explaining it."),
        new Dictionary<string, object?> { ["rule"] = "correctionNeedsNote", ["indicatorCode"] = indicator, ["parkCode"] = park, ["period"] = period });
}
