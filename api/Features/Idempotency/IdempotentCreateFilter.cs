using System.Text;
using System.Text.Json;
using Gaoxin.Api.Features.Idempotency.CompleteIdempotencyKey;
using Gaoxin.Api.Features.Idempotency.ReleaseIdempotencyKey;
using Gaoxin.Api.Features.Idempotency.ReserveIdempotencyKey;
using Gaoxin.Api.Infrastructure.OpenApi;
using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Features.Idempotency;

/// <summary>Marks an operation that takes an Idempotency-Key, for the contract.</summary>
public sealed record IdempotencyKeyMetadata;

public static class IdempotentCreates
{
    /// <summary>The key store's settings, and the Idempotency-Key header in the contract wherever an operation takes one.</summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdempotencySettings>(configuration.GetSection("Idempotency"));
        services.ConfigureSwaggerGen(options => options.OperationFilter<IdempotencyKeyOperationFilter>());
        return services;
    }

    /// <summary>Makes a create safe to retry with an Idempotency-Key: the filter runs it, the contract documents it.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new IdempotencyKeyMetadata())
        .AddEndpointFilter<IdempotentCreateFilter>()
        .ProducesProblems(409, 422);
}

/// <summary>
/// Two steps, each its own transaction, because a create's endpoint may read back what it committed: the key is
/// reserved and committed first (so a concurrent retry sees it at once), then the create runs, then its answer is stored.
/// </summary>
public sealed class IdempotentCreateFilter(IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (IdempotencyKeys.Read(http.Request) is not { } key)
        {
            return await next(context);
        }

        var fingerprint = IdempotencyKeys.Fingerprint(http.Request, IdempotencyKeys.Hash(BoundBody(context.Arguments)));
        if (await mediator.Send(new ReserveIdempotencyKeyCommand(key, fingerprint), http.RequestAborted) is { } earlier)
        {
            return IdempotencyKeys.Replay(http, key, fingerprint, earlier);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await mediator.Send(new ReleaseIdempotencyKeyCommand(key), CancellationToken.None);
            throw;
        }

        if (result is IStatusCodeHttpResult { StatusCode: { } status } && result is IValueHttpResult { Value: { } value })
        {
            var body = JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
            // Created<T> sets its Location header only when it is written, after this filter: read it from the result.
            var location = result.GetType().GetProperty(nameof(Microsoft.AspNetCore.Http.HttpResults.Created.Location))?.GetValue(result) as string;
            var etag = http.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null;
            await mediator.Send(new CompleteIdempotencyKeyCommand(key, status, body, "application/json", location, etag), CancellationToken.None);
        }
        else
        {
            await mediator.Send(new ReleaseIdempotencyKeyCommand(key), CancellationToken.None);
        }
        return result;
    }

    /// <summary>The bound body, as JSON: the same create sent with other whitespace or member order is the same request.</summary>
    private static byte[] BoundBody(IList<object?> arguments)
    {
        var text = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (argument?.GetType().Namespace?.StartsWith("Gaoxin.Contracts", StringComparison.Ordinal) == true)
            {
                text.Append(JsonSerializer.Serialize(argument, argument.GetType())).Append('\n');
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

/// <summary>Documents the Idempotency-Key header, in the same words, on every operation that takes it.</summary>
public sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKeyMetadata>().Any())
        {
            return;
        }
        operation.Parameters ??= [];
        if (operation.Parameters.Any(p => p.Name == IdempotencyKeys.Header))
        {
            return;
        }
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = IdempotencyKeys.Description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxKeyLength, MinLength = 1 },
        });
    }
}
