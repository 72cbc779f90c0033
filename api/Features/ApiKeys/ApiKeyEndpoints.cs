using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.ApiKeys.CreateApiKey;
using Gaoxin.Api.Features.ApiKeys.GetApiKey;
using Gaoxin.Api.Features.ApiKeys.ListApiKeys;
using Gaoxin.Api.Features.ApiKeys.RevokeApiKey;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.ApiKeys;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gaoxin.Api.Features.ApiKeys;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Scopes.Admin);

        keys.MapGet("", ListApiKeys)
            .WithName("listApiKeys").WithSummary("API 密钥 · The API keys").WithDescription("Pages of keys by name; never the keys themselves. A key limited to a park sees only the keys within its park subtree.")
            .ProducesProblems(400);

        keys.MapGet("/{name}", async ([MaxLength(64)] string name, IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new GetApiKeyQuery(name), cancellationToken)))
            .WithName("getApiKey").WithSummary("API 密钥 · One API key")
            .WithDescription("Never the key itself. A key limited to a park reads only keys within its park subtree (others: 404).")
            .ProducesProblems(404);

        keys.MapPost("", async (CreateApiKeyRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateApiKeyCommand(body), cancellationToken);
                return TypedResults.Created($"/api/v1/api-keys/{created.Info.Name}", created);
            })
            .WithName("createApiKey").WithSummary("新建 API 密钥 · Create an API key")
            .WithDescription("The key is in the answer, once; only its keyed hash is stored. A key can create only keys no stronger than itself: scopes within its own, and for a park-limited key a park within its subtree (else 403 `api-key.exceeds-caller`).")
            .ProducesProblems(400, 403, 404, 409);

        keys.MapDelete("/{name}", async ([MaxLength(64)] string name, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RevokeApiKeyCommand(name), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("revokeApiKey").WithSummary("吊销 API 密钥 · Revoke an API key")
            .WithDescription("A key can revoke only keys it could have created (else 403 `api-key.exceeds-caller`).")
            .ProducesProblems(403, 404);

        return app;
    }

    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 50).</param>
    private static async Task<Ok<ApiKeyPage>> ListApiKeys(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListApiKeysQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(cursor, limit), cancellationToken));
}
