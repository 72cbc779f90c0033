using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Tests.Features.Indicators;

/// <summary>Illustrative indicators for write tests; never seed data.</summary>
public static class IndicatorRequests
{
    public static CreateIndicatorRequest HighTechEnterprises(string code = "high-tech-enterprises") => new()
    {
        Code = code,
        Names = new LocalizedText { Zh = "高新技术企业", En = "High-tech enterprises" },
        Descriptions = new LocalizedText { Zh = "测试用指标。", En = "An indicator for tests." },
        Category = IndicatorCategory.Industry,
        Unit = IndicatorUnit.Count,
        ValueKind = ValueKind.Count,
        Aggregation = Aggregation.Sum,
        Breakdown = new BreakdownDto
        {
            Code = "accreditationLevel",
            Names = new LocalizedText { Zh = "认定级别", En = "Accreditation level" },
            Name = "认定级别", // read-only: a create ignores it, as it ignores every read-only member
            Members =
            [
                new BreakdownMemberDto { Code = "national", Names = new LocalizedText { Zh = "国家级", En = "National" }, Name = "国家级" },
                new BreakdownMemberDto { Code = "provincial", Names = new LocalizedText { Zh = "省级", En = "Provincial" }, Name = "省级" },
            ],
        },
        TotalEqualsBreakdown = true,
    };
}
