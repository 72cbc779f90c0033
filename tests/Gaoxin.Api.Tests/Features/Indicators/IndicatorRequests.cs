using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Tests.Features.Indicators;

/// <summary>Illustrative indicators for write tests; never seed data.</summary>
public static class IndicatorRequests
{
    public static CreateIndicatorRequest HighTechEnterprises(string code = "high-tech-enterprises") => new()
    {
        Code = code,
        Name = new LocalizedText { Zh = "高新技术企业", En = "High-tech enterprises" },
        Description = new LocalizedText { Zh = "测试用指标。", En = "An indicator for tests." },
        Category = IndicatorCategory.Industry,
        Unit = IndicatorUnit.Count,
        ValueKind = ValueKind.Count,
        Aggregation = Aggregation.Sum,
        Breakdown = new BreakdownDefinition
        {
            Code = "accreditationLevel",
            Name = new LocalizedText { Zh = "认定级别", En = "Accreditation level" },
            Members =
            [
                new BreakdownMemberDefinition { Code = "national", Name = new LocalizedText { Zh = "国家级", En = "National" } },
                new BreakdownMemberDefinition { Code = "provincial", Name = new LocalizedText { Zh = "省级", En = "Provincial" } },
            ],
        },
        TotalEqualsBreakdown = true,
    };

    /// <summary>What an editor sends back to change nothing: the API's own rule (IndicatorWrites.FieldsOf).</summary>
    public static UpdateIndicatorRequest UpdateOf(IndicatorDto indicator) => Gaoxin.Api.Features.Indicators.IndicatorWrites.FieldsOf(indicator);
}
