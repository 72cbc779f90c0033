using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// A nullable object property is written <c>type: object, nullable: true</c> beside the <c>allOf</c> that references
/// its schema. Swashbuckle leaves out <c>type</c>, and in OpenAPI 3.0 <c>nullable</c> without <c>type</c> means
/// nothing: strict tools (Spectral's example check, ajv) refuse the schema outright.
/// </summary>
public sealed class NullableObjectSchemaFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            foreach (var property in schema.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                if (property.AllOf is { Count: 1 } && property.Type == JsonSchemaType.Null)
                {
                    property.Type = JsonSchemaType.Object | JsonSchemaType.Null;
                    property.OneOf = property.AllOf;
                    property.AllOf = null;
                }
            }
        }
    }
}
