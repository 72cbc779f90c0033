using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Sorts the schemas by name and each operation's responses by status, so that the committed openapi.json changes
/// only when the contract does, never because of the order in which types or filters were applied.
/// </summary>
public sealed class StableOrderDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        if (document.Components?.Schemas is { } schemas)
        {
            var sorted = schemas.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
            schemas.Clear();
            foreach (var (name, schema) in sorted)
            {
                schemas[name] = schema;
            }
        }
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.Responses is { } responses)
            {
                var sorted = responses.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToList();
                responses.Clear();
                foreach (var pair in sorted)
                {
                    responses[pair.Key] = pair.Value;
                }
            }
        }
    }
}
