using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Body-level examples, from the JSON files in Examples/: <c>{operationId}.request.json</c> for the request body and
/// <c>{operationId}.{status}.json</c> for an answer. The answers are real ones, read from the seed (null members left
/// out, which the schemas allow), and the updates send them back as read; the creates are illustrative (示例).
/// <c>ExampleTests</c> holds them true: each validates against its schema, each answer is what the API answers on the
/// seed, and each request body is accepted.
/// </summary>
public sealed class BodyExamplesDocumentFilter : IDocumentFilter
{
    private const string Prefix = "OpenApiExamples/";

    public static IReadOnlyDictionary<string, JsonNode> All { get; } = Load();

    private static Dictionary<string, JsonNode> Load()
    {
        var assembly = typeof(BodyExamplesDocumentFilter).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(name => Path.GetFileNameWithoutExtension(name[Prefix.Length..]), name => Read(assembly, name));
    }

    private static JsonNode Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonNode.Parse(stream)!;
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var operations = document.Paths.Values.SelectMany(item => item.Operations?.Values.AsEnumerable() ?? []).ToDictionary(o => o.OperationId!);
        foreach (var (key, example) in All)
        {
            var (operationId, part) = (key[..key.IndexOf('.')], key[(key.IndexOf('.') + 1)..]);
            var operation = operations.GetValueOrDefault(operationId)
                ?? throw new InvalidOperationException($"Example {key}.json names no operation.");
            IOpenApiResponse? response = null;
            var content = part == "request"
                ? operation.RequestBody?.Content
                : operation.Responses?.TryGetValue(part, out response) == true ? (response as OpenApiResponse)?.Content : null;
            IOpenApiMediaType? found = null;
            if (content?.TryGetValue("application/json", out found) != true || found is not OpenApiMediaType media)
            {
                throw new InvalidOperationException($"Example {key}.json: {operationId} has no JSON body for '{part}'.");
            }
            media.Example = example.DeepClone();
        }
    }
}
