using System.Net;
using System.Text;
using System.Text.Json;
using Gaoxin.Api.Tests.Features.Imports;
using Gaoxin.Contracts.Enterprises;

namespace Gaoxin.Api.Tests.Features.Enterprises;

/// <summary>Loading the registry in bulk, as a statistics office would: the sample file, a year's figures, GB18030, JSON.</summary>
public sealed class EnterpriseImportTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string SamplePath = Path.Combine(Path.GetDirectoryName(Policies.PolicySamples.FilePath)!, "enterprises-illustrative.csv");

    private const string Header = "code,name_zh,name_en,credit_code,park_code,in_park_since,registered_on,industries,qualifications,year,rnd_spend,headcount,revenue,source,illustrative";

    [Fact]
    public async Task The_illustrative_registry_imports_whole_and_a_second_time_changes_nothing()
    {
        var csv = await File.ReadAllBytesAsync(SamplePath);
        var first = await (await Client.PostAsync("enterprises", csv, "text/csv")).ReportAsync();
        Assert.Equal((300, 300, 0), (first.TotalRows, first.Created, first.Rejected));

        var again = await (await Client.PostAsync("enterprises", csv, "text/csv")).ReportAsync();
        Assert.Equal((300, 0), (again.Unchanged, again.Created + again.Updated));

        var one = await (await Client.GetAsync("/api/v1/enterprises/sample-enterprise-001")).ReadAsync<EnterpriseDto>();
        Assert.True(one.Illustrative);
        Assert.Equal("91000000MA0000001R", one.CreditCode);
    }

    [Fact]
    public async Task A_years_figures_by_code_merge_into_the_record_and_a_gb18030_file_reads_the_same()
    {
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech())).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        var csv = Header + "\nsample-biotech,,,,,,,,,2023,150,40,,,\n";
        var report = await (await Client.PostAsync("enterprises", Gaoxin.Api.Features.Imports.TextEncodings.Gb18030.GetBytes(csv), "text/csv; charset=GB18030")).ReportAsync();
        Assert.Equal(1, report.Updated);

        var after = await (await Client.GetAsync("/api/v1/enterprises/sample-biotech")).ReadAsync<EnterpriseDto>();
        Assert.Equal([(2022, 120m, 35), (2023, 150m, 40)], after.Figures.Select(f => (f.Year, f.RndSpend!.Value, f.Headcount!.Value)));
        Assert.Equal("示例海洋生物科技有限公司", after.Names.Zh); // empty cells keep what is recorded
        Assert.Equal("haidong-incubator", after.ParkCode);
    }

    [Fact]
    public async Task A_wrong_row_names_its_column_and_an_atomic_import_writes_nothing()
    {
        var rows = new[]
        {
            EnterpriseTests.Biotech("json-good"),
            EnterpriseTests.Biotech("json-bad") with { CreditCode = "91000000MA0000001Q" },
        };
        var ndjson = string.Join("\n", rows.Select(r => JsonSerializer.Serialize(r, Http.Json)));
        var refused = await (await Client.PostAsync("enterprises", Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson")).RejectedReportAsync();
        Assert.Equal((2, 1), (refused.TotalRows, refused.Rejected));
        Assert.Equal((2, "creditCode"), (refused.Problems[0].Line, refused.Problems[0].Column));
        await (await Client.GetAsync("/api/v1/enterprises/json-good")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");

        var partial = await (await Client.PostAsync("enterprises", Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson", "mode=rows")).ReportAsync();
        Assert.Equal((1, 1), (partial.Created, partial.Rejected));
    }

    [Fact]
    public async Task Importing_enterprises_needs_the_enterprise_scope()
    {
        const string importer = "gx_importer_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("importer", importer, ["read", "write", "import"], park: null);
        var response = await Factory.ClientWithKey(importer).PostAsync("enterprises", await File.ReadAllBytesAsync(SamplePath), "text/csv");
        var problem = await response.ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        Assert.Equal("enterprises", problem.GetProperty("requiredScope").GetString());
        Assert.Equal(5, await CountAsync("enterprises"));
    }

    [Fact]
    public async Task A_file_that_names_an_enterprise_twice_creates_it_then_merges_the_second_years_figures()
    {
        var csv = Header + "\nsample-twice,示例两行企业,Sample two-row enterprise,,haidong,,,,,2024,10,5,,,true"
                         + "\nsample-twice,,,,,,,,,2025,20,6,,,\n";
        var report = await (await Client.PostCsvAsync("enterprises", csv)).ReportAsync();
        Assert.Equal((1, 1, 0), (report.Created, report.Updated, report.Rejected));
        var enterprise = await (await Client.GetAsync("/api/v1/enterprises/sample-twice")).ReadAsync<EnterpriseDto>();
        Assert.Equal([(2024, 10m), (2025, 20m)], enterprise.Figures.Select(f => (f.Year, f.RndSpend!.Value)));
    }
}
