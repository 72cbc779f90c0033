using System.Text;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Parks;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Imports;

public sealed class ReferenceImportTests(ApiFactory factory) : ApiTest(factory)
{
    private const string ParkHeader = "code,kind,parent_code,name_zh,name_en,description_zh,description_en,accreditation_level,land_area,land_area_unit,status,development_phase,source";

    // Illustrative parks for the test: a maker space under a new industrial park, listed parent first.
    private const string Parks = ParkHeader + "\n" +
        "test-industrial-park,industrialPark,zhanjiang-hitech-zone,测试产业园,Test Industrial Park,示例，仅供测试。,Illustrative; for tests only.,,120,mu,planned,midTerm,\n" +
        "test-maker-space,makerSpace,test-industrial-park,测试众创空间,Test Maker Space,,,provincial,,,operating,,\n";

    [Fact]
    public async Task A_gb18030_csv_with_chinese_names_is_detected_and_imported()
    {
        var bytes = Gaoxin.Api.Features.Imports.TextEncodings.Gb18030.GetBytes(Parks);
        var report = await (await Client.PostAsync("parks", bytes, "text/csv")).ReportAsync();
        Assert.Equal((2, 0), (report.Created, report.Rejected));

        var park = await (await Client.GetAsync("/api/v1/parks/test-maker-space")).ReadAsync<ParkDto>();
        Assert.Equal("测试众创空间", park.Name);
        Assert.Equal("test-industrial-park", park.ParentCode);
        var parent = await (await Client.GetAsync("/api/v1/parks/test-industrial-park")).ReadAsync<ParkDto>();
        Assert.Equal(new AreaDto { Value = 120, Unit = AreaUnit.Mu }, parent.LandArea);
    }

    [Fact]
    public async Task Gb18030_can_be_named_by_its_charset()
    {
        var bytes = Gaoxin.Api.Features.Imports.TextEncodings.Gb18030.GetBytes(Parks);
        Assert.Equal(2, (await (await Client.PostAsync("parks", bytes, "text/csv; charset=gb18030")).ReportAsync()).Created);
    }

    [Fact]
    public async Task Parks_upsert_by_code_and_unchanged_rows_are_counted_as_unchanged()
    {
        await (await Client.PostCsvAsync("parks", Parks)).ReportAsync();
        var again = Parks.Replace("operating", "underConstruction");

        var report = await (await Client.PostCsvAsync("parks", again)).ReportAsync();

        Assert.Equal((0, 1, 1), (report.Created, report.Updated, report.Unchanged));
        Assert.Equal(ParkStatus.UnderConstruction, (await (await Client.GetAsync("/api/v1/parks/test-maker-space")).ReadAsync<ParkDto>()).Status);
    }

    [Fact]
    public async Task Park_rows_are_held_to_the_same_rules_as_the_api()
    {
        var csv = ParkHeader + "\n" +
            "Bad Code,park,zhanjiang-hitech-zone,甲,A,,,,,,,,\n" +
            "test-a,spaceport,zhanjiang-hitech-zone,甲,A,,,,,,,,\n" +
            "test-b,park,atlantis,乙,B,,,,,,,,\n" +
            "test-c,park,,丙,C,,,,,,,,\n" +
            "haidong,park,haidong-incubator,海东园区,Haidong Park,,,,,,,,\n";

        var report = await (await Client.PostCsvAsync("parks", csv)).RejectedReportAsync();

        Assert.Equal(
            [(2, "code", "request.validation-failed"), (3, "kind", "import.invalid-value"), (4, null, "park.not-found"),
             (5, "parent_code", "request.validation-failed"), (6, null, "park.parent-cycle")],
            report.Problems.Select(p => (p.Line, p.Column, p.Code)));
        Assert.Equal(8, await CountAsync("parks"));
    }

    [Fact]
    public async Task Indicators_import_with_their_breakdown_in_one_cell()
    {
        const string csv = "code,name_zh,name_en,description_zh,description_en,category,unit,value_kind,aggregation,breakdown_code,breakdown_name_zh,breakdown_name_en,breakdown_members,total_equals_breakdown,planned_completion\n" +
            "test-high-tech-enterprises,高新技术企业,High-tech enterprises,示例。,Illustrative.,industry,count,count,sum,accreditationLevel,认定级别,Accreditation level,national:国家级:National|provincial:省级:Provincial,true,\n" +
            "hospitals-grade-2a,二级甲等医院,Grade II-A hospitals,二级甲等医院数量。,Hospitals of grade II-A.,publicServices,count,count,sum,,,,,,\n";

        var report = await (await Client.PostCsvAsync("indicators", csv)).ReportAsync();

        Assert.Equal((1, 0, 1), (report.Created, report.Updated, report.Unchanged));
        var indicator = await (await Client.GetAsync("/api/v1/indicators/test-high-tech-enterprises", "en")).ReadAsync<IndicatorDto>();
        Assert.True(indicator.TotalEqualsBreakdown);
        Assert.Equal(["National", "Provincial"], indicator.Breakdown!.Members.Select(m => m.Name));
    }

    [Fact]
    public async Task The_illustrative_policy_set_imports_as_json_and_reimports_unchanged()
    {
        var json = await File.ReadAllBytesAsync(Policies.PolicySamples.FilePath);

        var first = await (await Client.PostAsync("policies", json, "application/json")).ReportAsync();
        Assert.Equal((5, 5, 0), (first.TotalRows, first.Created, first.Rejected));
        var catalogue = await (await Client.GetAsync("/api/v1/policies/catalogue")).ReadAsync<PolicyCatalogueDto>();
        Assert.Equal(5, catalogue.Cores.Single().Supporting.Count);
        var successor = await (await Client.GetAsync("/api/v1/policies/sample-loan-interest-subsidy-2024")).ReadAsync<PolicyDto>();
        Assert.Contains(successor.Relations, r => r.Kind == RelationKind.Supersedes);

        var second = await (await Client.PostAsync("policies", json, "application/json")).ReportAsync();
        Assert.Equal((0, 0, 5), (second.Created, second.Updated, second.Unchanged));
        Assert.Single((await (await Client.GetAsync("/api/v1/policies/sample-rnd-support-measures/versions")).ReadAsync<PolicyVersionPage>()).Items);
    }

    [Fact]
    public async Task A_policy_row_off_the_contract_is_rejected_with_its_line()
    {
        const string ndjson = """
            {"id": "test-policy", "titles": {"zh": "测试", "en": "Test"}, "bodies": {"zh": ""}, "role": "related"}
            {"id": "test-policy-2", "titles": {"zh": "测试", "en": "Test"}, "role": "related"}
            """;
        var report = await (await Client.PostAsync("policies", Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson", "mode=rows")).ReportAsync();
        Assert.Equal((1, 1), (report.Created, report.Rejected));
        Assert.Equal((2, "request.malformed-body"), (report.Problems.Single().Line, report.Problems.Single().Code));
    }
}
