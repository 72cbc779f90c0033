using System.Text.Json.Nodes;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Imports;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// <c>Problem.code</c> is exactly the catalogue (<see cref="Problems"/>), as an enum clients can switch on; an import
/// row's code is one of the catalogue too. <c>detail</c> is marked as the message to show
/// (<c>x-ms-primary-error-message</c>, which Kiota-generated clients put in their exception's message).
/// </summary>
public sealed class ProblemCodesSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties })
        {
            return;
        }
        if (context.Type == typeof(Problem))
        {
            if (properties.TryGetValue("code", out var code) && code is OpenApiSchema codeSchema)
            {
                codeSchema.Enum = [.. Problems.Answers.Select(k => (JsonNode)JsonValue.Create(k.Code)!)];
            }
            if (properties.TryGetValue("detail", out var detail) && detail is OpenApiSchema detailSchema)
            {
                detailSchema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                detailSchema.Extensions["x-ms-primary-error-message"] = new JsonNodeExtension(JsonValue.Create(true));
            }
        }
        else if (context.Type == typeof(ImportProblemDto) && properties.TryGetValue("code", out var rowCode) && rowCode is OpenApiSchema rowCodeSchema)
        {
            rowCodeSchema.Enum = [.. Problems.All.Select(k => (JsonNode)JsonValue.Create(k.Code)!)];
        }
    }
}
