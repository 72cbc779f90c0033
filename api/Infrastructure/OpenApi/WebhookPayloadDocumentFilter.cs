using Gaoxin.Contracts.Webhooks;
using Swashbuckle.AspNetCore.SwaggerGen;
using Microsoft.OpenApi;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Puts the body of webhook deliveries (<see cref="WebhookMessage"/>) into the contract's schemas, although no
/// operation returns it: receivers generate their types from openapi.json like every other client.
/// </summary>
public sealed class WebhookPayloadDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context) =>
        context.SchemaGenerator.GenerateSchema(typeof(WebhookMessage), context.SchemaRepository);
}
