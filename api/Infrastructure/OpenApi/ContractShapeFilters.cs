using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// If-Match is required wherever its absence is always a 428: a change to something that exists. Figures and targets
/// are the exceptions, since their first version is written by the same PUT without one (If-None-Match: * makes that
/// create-only).
/// </summary>
public sealed class IfMatchRequiredOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses?.ContainsKey("428") != true || operation.OperationId is "putObservation" or "putTarget")
        {
            return;
        }
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name == "If-Match")
            {
                parameter.Required = true;
            }
        }
    }
}

/// <summary>
/// The server a generated client starts from: the host that serves this document, whatever its name (local with
/// make run, or the zone's own deployment), so the document names no host it cannot vouch for. Clients give their
/// own base URL (the SPA passes '' since the API serves it).
/// </summary>
public sealed class ServerDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var server = new OpenApiServer { Url = "/", Description = "The host serving this document: local (make run, http://localhost:5080) or the zone's production deployment." };
        server.Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(false)) };
        document.Servers = [server];
    }
}
