using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using Gaoxin.Contracts.Parks;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.ReadModifyWrite;

/// <summary>
/// The most common REST pattern, as an integrator writes it: GET a resource, change a member, PUT the same object
/// back. Read-only members may be sent back unchanged (in either language) or left out; a changed one is refused and
/// changes nothing.
/// </summary>
public sealed class ReadModifyWriteTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>GET in one language, as raw JSON: what a client that does no mapping at all holds.</summary>
    private async Task<(JsonObject Body, string ETag)> ReadAsync(string url, string language = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ((JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!, response.Headers.ETag!.Tag);
    }

    private async Task<HttpResponseMessage> WriteBackAsync(string url, JsonNode body, string etag, string language = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task A_park_read_in_english_and_written_back_in_chinese_with_one_change_keeps_everything_else()
    {
        var (park, etag) = await ReadAsync("/api/v1/parks/haidong", "en");
        park["status"] = "operating";

        var written = await (await WriteBackAsync("/api/v1/parks/haidong", park, etag)).ReadAsync<ParkDto>();

        Assert.Equal(ParkStatus.Operating, written.Status);
        Assert.Equal(park["names"]!["en"]!.GetValue<string>(), written.Names.En);
        Assert.Equal(park["sourceCode"]!.GetValue<string>(), written.SourceCode);
        Assert.Equal(park["version"]!.GetValue<int>() + 1, written.Version);
    }

    [Fact]
    public async Task A_park_written_with_its_read_only_members_left_out_is_accepted()
    {
        var (park, etag) = await ReadAsync("/api/v1/parks/haidong");
        foreach (var member in new[] { "code", "name", "description", "source", "childCount", "version", "updatedAt" })
        {
            park.Remove(member);
        }
        park["landArea"] = new JsonObject { ["value"] = 11, ["unit"] = "hectare" };

        var written = await (await WriteBackAsync("/api/v1/parks/haidong", park, etag)).ReadAsync<ParkDto>();

        Assert.Equal(new AreaDto { Value = 11, Unit = AreaUnit.Hectare }, written.LandArea);
    }

    [Theory]
    [InlineData("code", "\"haidong-2\"")]
    [InlineData("name", "\"海东新区\"")]
    [InlineData("childCount", "0")]
    [InlineData("version", "99")]
    [InlineData("updatedAt", "\"2020-01-01T00:00:00+00:00\"")]
    [InlineData("source", "{\"code\": \"another\", \"title\": \"另一份文件\"}")]
    public async Task A_park_with_a_changed_read_only_member_is_refused_and_nothing_changes(string member, string value)
    {
        var before = await Client.GetStringAsync("/api/v1/parks/haidong");
        var (park, etag) = await ReadAsync("/api/v1/parks/haidong");
        park["status"] = "operating";
        park[member] = JsonNode.Parse(value);

        var problem = await (await WriteBackAsync("/api/v1/parks/haidong", park, etag)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.read-only-changed");

        Assert.Equal([member], problem.ErrorFields());
        Assert.Equal(before, await Client.GetStringAsync("/api/v1/parks/haidong"));
    }

    [Fact]
    public async Task An_indicator_renamed_by_read_modify_write_keeps_its_breakdown_and_a_changed_member_label_is_refused()
    {
        var (indicator, etag) = await ReadAsync("/api/v1/indicators/enterprise-rnd-institutions", "en");
        indicator["names"]!["en"] = "Enterprise R&D institutions (renamed)";
        var written = await (await WriteBackAsync("/api/v1/indicators/enterprise-rnd-institutions", indicator, etag)).ReadAsync<IndicatorDto>();
        Assert.Equal("Enterprise R&D institutions (renamed)", written.Names.En);
        Assert.Equal(indicator["breakdown"]!["members"]!.AsArray().Count, written.Breakdown!.Members.Count);

        (indicator, etag) = await ReadAsync("/api/v1/indicators/enterprise-rnd-institutions");
        indicator["breakdown"]!["members"]![0]!["name"] = "改过的名称";
        var problem = await (await WriteBackAsync("/api/v1/indicators/enterprise-rnd-institutions", indicator, etag))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.read-only-changed");
        Assert.Equal(["breakdown.members[0].name"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_policy_and_a_measure_go_back_as_read_and_the_policy_refuses_an_edited_measure_list()
    {
        await Policies.PolicySamples.LoadAsync(Client);
        var (policy, etag) = await ReadAsync("/api/v1/policies/sample-rnd-support-measures");
        policy["expiresOn"] = "2030-12-31";
        var written = await (await WriteBackAsync("/api/v1/policies/sample-rnd-support-measures", policy, etag)).ReadAsync<PolicyDto>();
        Assert.Equal(new DateOnly(2030, 12, 31), written.ExpiresOn);
        Assert.Equal(new DateOnly(2030, 12, 31), written.Summary.ExpiresOn);

        (policy, etag) = await ReadAsync("/api/v1/policies/sample-rnd-support-measures");
        policy["measures"]!.AsArray().RemoveAt(0);
        var problem = await (await WriteBackAsync("/api/v1/policies/sample-rnd-support-measures", policy, etag))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.read-only-changed");
        Assert.Equal(["measures"], problem.ErrorFields());

        var (measure, measureETag) = await ReadAsync("/api/v1/policies/sample-rnd-support-measures/measures/rnd-spend-subsidy", "en");
        measure["cap"] = 250;
        var changed = await (await WriteBackAsync("/api/v1/policies/sample-rnd-support-measures/measures/rnd-spend-subsidy", measure, measureETag))
            .ReadAsync<SupportMeasureDto>();
        Assert.Equal(250, changed.Cap);
        Assert.Equal(measure["conditions"]!["minRndSpend"]!.GetValue<decimal>(), changed.Conditions.MinRndSpend);
    }

    [Fact]
    public async Task A_figure_from_a_list_goes_back_as_a_correction_but_not_with_another_period_start()
    {
        const string list = "/api/v1/observations?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone";
        var figure = (await Client.GetFromJsonAsync<JsonObject>(list))!["items"]![0]!.AsObject();
        var etag = $"\"{figure["version"]!.GetValue<int>()}\"";
        figure["breakdown"]![0]!["value"] = figure["breakdown"]![0]!["value"]!.GetValue<decimal>() + 1;
        figure.Remove("value"); // the total follows the breakdown
        figure["note"] = "Illustrative correction for the test";

        var corrected = await (await WriteBackAsync("/api/v1/observations", figure.DeepClone(), etag)).ReadAsync<ObservationDto>();
        Assert.Equal(figure["version"]!.GetValue<int>() + 1, corrected.Version);

        figure["version"] = corrected.Version;
        figure["recordedAt"] = corrected.RecordedAt;
        figure["recordedBy"] = corrected.RecordedBy;
        figure["periodStart"] = "2023-01-01";
        var problem = await (await WriteBackAsync("/api/v1/observations", figure, $"\"{corrected.Version}\""))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.read-only-changed");
        Assert.Equal(["periodStart"], problem.ErrorFields());
    }
}
