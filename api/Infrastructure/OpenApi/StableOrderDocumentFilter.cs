using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Sorts the schemas by name so that the committed openapi.json changes only when the contract does,
/// never because of the order in which types were discovered.
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
    }
}
