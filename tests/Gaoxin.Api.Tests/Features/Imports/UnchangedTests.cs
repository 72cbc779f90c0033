using System.Text;
using System.Text.Json.Nodes;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Imports;

/// <summary>"Unchanged" is judged after the normalisation writes apply, for every kind: spaces around text change nothing.</summary>
public sealed class UnchangedTests(ApiFactory factory) : ApiTest(factory)
{
    private const string ParkHeader = "code,kind,parent_code,name_zh,name_en,description_zh,description_en,accreditation_level,land_area,land_area_unit,status,development_phase,source";

    [Fact]
    public async Task A_park_row_with_spaces_around_its_text_is_unchanged_and_writes_no_version()
    {
        var park = await (await Client.GetAsync("/api/v1/parks/yuexi-data-valley")).ReadAsync<ParkDto>();
        static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";
        var row = string.Join(',', park.Code, "industrialPark", park.ParentCode, Quote(park.Names.Zh + "  "), Quote(" " + park.Names.En + " "),
            Quote((park.Descriptions.Zh ?? "") + " "), Quote(park.Descriptions.En ?? ""), "", "", "", "", "", park.Source?.Code ?? "");
        var csv = ParkHeader + "\n" + row + "\n";
        var audit = await CountAsync("audit_log");

        var report = await (await Client.PostAsync("parks", Encoding.UTF8.GetBytes(csv), "text/csv")).ReportAsync();

        Assert.Equal((0, 1), (report.Updated, report.Unchanged));
        Assert.Equal(park.Version, (await (await Client.GetAsync("/api/v1/parks/yuexi-data-valley")).ReadAsync<ParkDto>()).Version);
        Assert.Equal(audit, await CountAsync("audit_log"));
    }

    [Fact]
    public async Task A_policy_file_with_spaces_around_its_text_reimports_unchanged()
    {
        var documents = JsonNode.Parse(await File.ReadAllTextAsync(Policies.PolicySamples.FilePath))!.AsArray();
        foreach (var document in documents)
        {
            document!["titles"]!["zh"] = document["titles"]!["zh"]!.GetValue<string>() + " ";
            foreach (var measure in document["measures"]?.AsArray() ?? [])
            {
                measure!["titles"]!["en"] = " " + measure["titles"]!["en"]!.GetValue<string>();
            }
        }
        var json = Encoding.UTF8.GetBytes(documents.ToJsonString());

        await (await Client.PostAsync("policies", json, "application/json")).ReportAsync();
        var again = await (await Client.PostAsync("policies", json, "application/json")).ReportAsync();

        Assert.Equal((0, 0, documents.Count), (again.Created, again.Updated, again.Unchanged));
    }
}
