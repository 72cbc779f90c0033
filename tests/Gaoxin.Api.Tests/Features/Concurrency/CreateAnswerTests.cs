using System.Net;
using System.Text.Json.Nodes;
using Gaoxin.Api.Tests.Features.Indicators;
using Gaoxin.Api.Tests.Features.Parks;
using Gaoxin.Api.Tests.Features.Policies;

namespace Gaoxin.Api.Tests.Features.Concurrency;

/// <summary>Every create answers the same way: 201, a Location that a GET can read, and the ETag that GET gives.</summary>
public sealed class CreateAnswerTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task AssertCreatedAsync(HttpResponseMessage created, string expectedLocation)
    {
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal(expectedLocation, created.Headers.Location?.OriginalString);
        Assert.NotNull(created.Headers.ETag);
        var read = await Client.GetAsync(expectedLocation);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(read.Headers.ETag, created.Headers.ETag);
    }

    [Fact]
    public async Task Parks_indicators_policies_measures_and_relations_answer_201_with_a_readable_location_and_its_etag()
    {
        await AssertCreatedAsync(await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace()), "/api/v1/parks/test-maker-space");
        await AssertCreatedAsync(await Client.PostJsonAsync("/api/v1/indicators", IndicatorRequests.HighTechEnterprises()), "/api/v1/indicators/high-tech-enterprises");

        var samples = JsonNode.Parse(await File.ReadAllTextAsync(PolicySamples.FilePath))!.AsArray();
        var superseded = Document(samples, "sample-loan-interest-subsidy-2023", out _);
        await AssertCreatedAsync(await Client.PostRawAsync("/api/v1/policies", superseded), "/api/v1/policies/sample-loan-interest-subsidy-2023");
        var successor = Document(samples, "sample-loan-interest-subsidy-2024", out var measure);
        await AssertCreatedAsync(await Client.PostRawAsync("/api/v1/policies", successor), "/api/v1/policies/sample-loan-interest-subsidy-2024");

        var measureCode = JsonNode.Parse(measure!)!["code"]!.GetValue<string>();
        await AssertCreatedAsync(await Client.PostRawAsync("/api/v1/policies/sample-loan-interest-subsidy-2024/measures", measure!),
            $"/api/v1/policies/sample-loan-interest-subsidy-2024/measures/{measureCode}");
        await AssertCreatedAsync(await Client.PostRawAsync("/api/v1/policies/sample-loan-interest-subsidy-2024/relations",
            """{"kind":"supersedes","targetId":"sample-loan-interest-subsidy-2023","effectiveOn":"2024-01-01"}"""),
            "/api/v1/policies/sample-loan-interest-subsidy-2024");
    }

    /// <summary>A sample document as createPolicy takes it, and its first measure as createMeasure takes it.</summary>
    private static string Document(JsonArray samples, string id, out string? firstMeasure)
    {
        var document = samples.Single(d => d!["id"]!.GetValue<string>() == id)!.DeepClone().AsObject();
        firstMeasure = document["measures"]?.AsArray().FirstOrDefault()?.ToJsonString();
        document.Remove("measures");
        document.Remove("relations");
        return document.ToJsonString();
    }
}
