using Gaoxin.Api.Infrastructure.Database;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>Every read of the API takes the consistency token a write's answer gave (see <see cref="Consistency"/>).</summary>
public sealed class ConsistencyOperationFilter : IOperationFilter
{
    /// <summary>A token as PostgreSQL writes a log position, for the header wherever it is declared.</summary>
    public static OpenApiSchema TokenSchema() =>
        new() { Type = JsonSchemaType.String, Pattern = "^[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}$", MaxLength = 17 };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != "GET" || context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = Consistency.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "读己之写：原样发送此前写入响应中的同名头，读取至少会包含那次写入（备库尚未追上时由主库作答）。" +
                          "Read your writes: send back the header an earlier write's answer carried, and this read sees at least that write " +
                          "(a standby that has not replayed it yet leaves the read to the primary). Malformed: 400 request.invalid-consistency-token.",
            Schema = TokenSchema(),
            Example = System.Text.Json.Nodes.JsonValue.Create("0/16B3748"),
        });
    }
}
