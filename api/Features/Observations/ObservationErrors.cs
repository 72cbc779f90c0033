using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Observations;

public static class ObservationErrors
{
    public static ApiException NotFound(string indicator, string park, string period) => new(Problems.ObservationNotFound,
        new Text($"指标“{indicator}”在园区“{park}”、期间 {period} 没有观测值。", $"Indicator '{indicator}' has no observation for park '{park}' and period {period}."),
        new Dictionary<string, object?> { ["indicatorCode"] = indicator, ["parkCode"] = park, ["period"] = period });

    public static ApiException TotalMismatch(string indicator, decimal total, decimal sum, IReadOnlyDictionary<string, decimal> parts)
    {
        var breach = ObservationRules.TotalMismatch(indicator, total, sum);
        return new(breach.Kind, breach.Message,
            new Dictionary<string, object?> { ["rule"] = "totalEqualsBreakdown", ["indicatorCode"] = indicator, ["total"] = total, ["breakdownSum"] = sum, ["breakdown"] = parts });
    }

    public static ApiException CorrectionNeedsNote(string indicator, string park, string period) => new(
        ObservationRules.CorrectionNeedsNote.Kind, ObservationRules.CorrectionNeedsNote.Message,
        new Dictionary<string, object?> { ["rule"] = "correctionNeedsNote", ["indicatorCode"] = indicator, ["parkCode"] = park, ["period"] = period });
}
