using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.ApiKeys;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gaoxin.Api.Features.ApiKeys;

public static class ApiKeyEndpoints
{
    public static IEndpointRouteBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization(Scopes.Admin);

        keys.MapGet("", async (IMediator mediator, CancellationToken cancellationToken) => TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), cancellationToken)))
            .WithName("listApiKeys").WithSummary("API 密钥 · The API keys").WithDescription("Never the keys themselves.");

        keys.MapPost("", async (CreateApiKeyRequest body, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var created = await mediator.Send(new CreateApiKeyCommand(body), cancellationToken);
                return TypedResults.Created($"/api/v1/api-keys/{created.Info.Name}", created);
            })
            .WithName("createApiKey").WithSummary("新建 API 密钥 · Create an API key")
            .WithDescription("The key is in the answer, once; only its keyed hash is stored.")
            .ProducesProblems(400, 404, 409);

        keys.MapDelete("/{name}", async ([MaxLength(64)] string name, IMediator mediator, CancellationToken cancellationToken) =>
            {
                await mediator.Send(new RevokeApiKeyCommand(name), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName("revokeApiKey").WithSummary("吊销 API 密钥 · Revoke an API key")
            .ProducesProblems(404);

        return app;
    }
}
