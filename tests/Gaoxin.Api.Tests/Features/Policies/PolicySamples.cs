using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Policies;

/// <summary>
/// Loads scripts/samples/policies-illustrative.json, the clearly marked illustrative "N" documents, through the
/// public API: documents first, then their measures, then their relations.
/// </summary>
public static class PolicySamples
{
    public static string FilePath
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gaoxin.sln")))
            {
                directory = directory.Parent;
            }
            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Gaoxin.sln not found above the test binaries."),
                "scripts", "samples", "policies-illustrative.json");
        }
    }

    public static async Task LoadAsync(HttpClient client)
    {
        var documents = JsonNode.Parse(await File.ReadAllTextAsync(FilePath))!.AsArray();
        var relations = new List<(string Id, JsonNode Relation)>();
        foreach (var node in documents)
        {
            var document = node!.AsObject();
            var id = document["id"]!.GetValue<string>();
            var measures = document["measures"]?.AsArray().Select(m => m!.ToJsonString()).ToList() ?? [];
            relations.AddRange(document["relations"]?.AsArray().Select(r => (id, r!)) ?? []);
            document.Remove("measures");
            document.Remove("relations");

            var policy = JsonSerializer.Deserialize<CreatePolicyRequest>(document.ToJsonString(), Http.Json)!;
            await (await client.PostJsonAsync("/api/v1/policies", policy)).ReadAsync<PolicyDto>(HttpStatusCode.Created);
            foreach (var measure in measures)
            {
                await (await client.PostRawAsync($"/api/v1/policies/{id}/measures", measure)).ReadAsync<SupportMeasureDto>(HttpStatusCode.Created);
            }
        }
        foreach (var (id, relation) in relations)
        {
            await (await client.PostRawAsync($"/api/v1/policies/{id}/relations", relation.ToJsonString())).ReadAsync<PolicyDto>(HttpStatusCode.Created);
        }
    }
}
