using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>Marks an endpoint whose body is read as raw bytes (a file), in the given media types.</summary>
public sealed record RawBodyMetadata(params string[] MediaTypes);

/// <summary>
/// Describes a raw body as binary, so generated clients send a file or Blob as it is. Described as a plain string,
/// NSwag's client would JSON-encode a CSV text before sending it.
/// </summary>
public sealed class RawBodyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var raw = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<RawBodyMetadata>().FirstOrDefault();
        if (raw is null)
        {
            return;
        }
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "The file: CSV, a JSON array or NDJSON. 文件：CSV、JSON 数组或 NDJSON。",
            Content = raw.MediaTypes.ToDictionary(
                type => type,
                IOpenApiMediaType (_) => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
        };
    }
}
