using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares, on each operation that needs a key, the security requirement, the scope (x-required-scope and the
/// description) and the 401 and 403 answers.
/// </summary>
public sealed class SecurityOperationFilter : IOperationFilter
{
    public const string SchemeName = "bearer";
    public const string HeaderSchemeName = "apiKeyHeader";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var scope = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null && p != Security.Scopes.Read);
        if (scope is null)
        {
            // A read: open unless Auth:RequireKeyForReads is set, when a missing or invalid key is 401.
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Any(a => a.Policy == Security.Scopes.Read))
            {
                operation.Responses ??= [];
                operation.Responses.TryAdd("401", ProblemResponse.Create(context, "A key was sent that is unknown, revoked or malformed (auth.invalid-key); or, where Auth:RequireKeyForReads is set, none was sent."));
            }
            return;
        }
        // Either scheme: the key as a bearer token, or in X-Api-Key.
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderSchemeName, context.Document)] = [] },
        ];
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-required-scope"] = new JsonNodeExtension(System.Text.Json.Nodes.JsonValue.Create(scope));
        operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : "") + $"需要权限 · Requires scope: `{scope}`.";
        operation.Responses ??= [];
        foreach (var (status, text) in new[] { ("401", "No API key, or not a valid one."), ("403", $"The key lacks the '{scope}' scope, or the write is outside its park.") })
        {
            operation.Responses.TryAdd(status, ProblemResponse.Create(context, text));
        }
    }
}
