using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gaoxin.Api.Features.Imports;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Features.Idempotency;

/// <summary>
/// Makes a POST that creates safe to retry: with an <c>Idempotency-Key</c> header, the first request runs and its answer
/// is kept (<c>Imports:IdempotencyKeyHours</c>, default 48); the same key from the same API key with the same request
/// gets that answer again (<c>Idempotent-Replayed: true</c>) and creates nothing; with another request, 422
/// <c>idempotency.key-reused</c>; while the first is still running, 409 <c>idempotency.in-progress</c>.
/// Without the header a create runs as usual.
/// </summary>
public static class IdempotentCreates
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on an answer replayed for a repeated key (imports and creates alike).</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    /// <summary>Marks an endpoint as an idempotent create: the filter runs it, the OpenAPI filter documents it.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder) => builder
        .WithMetadata(new IdempotentCreateMetadata())
        .AddEndpointFilter<IdempotentCreateFilter>()
        .ProducesProblems(409, 422);

    public static ApiException InProgress(string key) => new(StatusCodes.Status409Conflict, "idempotency.in-progress",
        new Text("请求正在处理", "Request in progress"),
        new Text("使用同一 Idempotency-Key 的请求正在处理，请稍后重试以获取其结果。", "A request with the same Idempotency-Key is being processed; retry later to get its answer."),
        new Dictionary<string, object?> { ["idempotencyKey"] = key });

    public static RuleViolationException KeyReused(string key) => new("idempotency.key-reused",
        new Text("该 Idempotency-Key 已用于内容不同的请求。每个不同的请求请使用新的键。", "This Idempotency-Key was used for a request with a different body. Use a new key for each different request."),
        new Dictionary<string, object?> { ["idempotencyKey"] = key });

    public static ApiException TooLong() => new(StatusCodes.Status400BadRequest, ProblemCodes.InvalidParameter,
        new Text("请求参数无效", "Invalid request"),
        new Text("Idempotency-Key 须为 1 到 255 个字符。", "An Idempotency-Key has 1 to 255 characters."));
}

public sealed record IdempotentCreateMetadata;

/// <summary>
/// Two steps, each its own transaction, because a create's endpoint may read back what it committed: the key is
/// reserved and committed first (so a concurrent retry sees it at once), then the create runs, then its answer is stored.
/// </summary>
public sealed class IdempotentCreateFilter(IMediator mediator, ICaller caller, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        // Some generated clients send an empty header for "no key": treat it as none.
        var key = http.Request.Headers[IdempotentCreates.Header].ToString().Trim();
        if (key.Length == 0)
        {
            return await next(context);
        }
        if (key.Length > IdempotentCreates.MaxKeyLength)
        {
            throw IdempotentCreates.TooLong();
        }

        var hash = RequestHash(http.Request, context.Arguments);
        var earlier = await mediator.Send(new ReserveIdempotencyKeyCommand(caller.Name, key, hash), http.RequestAborted);
        if (earlier is not null)
        {
            return Replay(http, key, hash, earlier);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await mediator.Send(new ReleaseIdempotencyKeyCommand(caller.Name, key), CancellationToken.None);
            throw;
        }

        if (result is IStatusCodeHttpResult { StatusCode: { } status } && result is IValueHttpResult { Value: { } value })
        {
            var body = JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
            // Created<T> sets its Location header only when it is written, after this filter: read it from the result.
            var location = result.GetType().GetProperty(nameof(Microsoft.AspNetCore.Http.HttpResults.Created.Location))?.GetValue(result) as string;
            await mediator.Send(new CompleteIdempotencyKeyCommand(caller.Name, key, status, body, location, http.Response.Headers.ETag.ToString() is { Length: > 0 } e ? e : null),
                CancellationToken.None);
        }
        else
        {
            await mediator.Send(new ReleaseIdempotencyKeyCommand(caller.Name, key), CancellationToken.None);
        }
        return result;
    }

    private static IResult Replay(HttpContext http, string key, string hash, EarlierAnswer earlier)
    {
        if (earlier.RequestHash != hash)
        {
            throw IdempotentCreates.KeyReused(key);
        }
        if (earlier.ResponseStatus is not { } status)
        {
            throw IdempotentCreates.InProgress(key);
        }
        http.Response.Headers[IdempotentCreates.ReplayedHeader] = "true";
        if (earlier.Location is not null)
        {
            http.Response.Headers.Location = earlier.Location;
        }
        if (earlier.ETag is not null)
        {
            http.Response.Headers.ETag = earlier.ETag;
        }
        return Results.Text(earlier.ResponseBody ?? "", "application/json", Encoding.UTF8, status);
    }

    /// <summary>The method, the path and the bound body: what makes two requests "the same request".</summary>
    private static string RequestHash(HttpRequest request, IList<object?> arguments)
    {
        var text = new StringBuilder(request.Method).Append(' ').Append(request.Path.Value);
        foreach (var argument in arguments)
        {
            if (argument?.GetType().Namespace?.StartsWith("Gaoxin.Contracts", StringComparison.Ordinal) == true)
            {
                text.Append('\n').Append(JsonSerializer.Serialize(argument, argument.GetType()));
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>What a key answered before: the request's hash, and the answer (null status: still running).</summary>
public sealed record EarlierAnswer(string RequestHash, int? ResponseStatus, string? ResponseBody, string? Location, string? ETag);

/// <summary>Reserves a key for a new request; returns the earlier request's answer when the key is taken.</summary>
public sealed record ReserveIdempotencyKeyCommand(string Caller, string Key, string RequestHash) : ICommand<EarlierAnswer?>;

public sealed class ReserveIdempotencyKeyHandler(DbSession session, TimeProvider clock, IOptions<ImportSettings> settings)
    : IRequestHandler<ReserveIdempotencyKeyCommand, EarlierAnswer?>
{
    // Expired keys are freed on the way: this one, and a few others so the table does not grow without end.
    private const string Sweep = """
        delete from idempotent_creates
        where (caller = @Caller and key = @Key and expires_at < @Now)
           or ctid = any (array(select ctid from idempotent_creates where expires_at < @Now limit 100))
        """;

    private const string Reserve = """
        insert into idempotent_creates (caller, key, request_hash, created_at, expires_at)
        values (@Caller, @Key, @RequestHash, @Now, @Now + @Lifetime)
        on conflict (caller, key) do nothing
        """;

    private const string Earlier = """
        select request_hash, response_status, response_body, location, etag
        from idempotent_creates where caller = @Caller and key = @Key
        """;

    public async Task<EarlierAnswer?> Handle(ReserveIdempotencyKeyCommand command, CancellationToken cancellationToken)
    {
        var parameters = new { command.Caller, command.Key, command.RequestHash, Now = clock.GetUtcNow(), Lifetime = TimeSpan.FromHours(settings.Value.IdempotencyKeyHours) };
        await session.ExecuteAsync(Sweep, parameters, cancellationToken);
        if (await session.ExecuteAsync(Reserve, parameters, cancellationToken) == 1)
        {
            return null;
        }
        var row = await session.QuerySingleAsync<(string RequestHash, int? ResponseStatus, string? ResponseBody, string? Location, string? ETag)>(Earlier, parameters, cancellationToken);
        return new EarlierAnswer(row.RequestHash, row.ResponseStatus, row.ResponseBody, row.Location, row.ETag);
    }
}

/// <summary>Stores the answer of a create that succeeded, for replays.</summary>
public sealed record CompleteIdempotencyKeyCommand(string Caller, string Key, int Status, string Body, string? Location, string? ETag) : ICommand<Unit>;

public sealed class CompleteIdempotencyKeyHandler(DbSession session) : IRequestHandler<CompleteIdempotencyKeyCommand, Unit>
{
    public async Task<Unit> Handle(CompleteIdempotencyKeyCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("""
            update idempotent_creates set response_status = @Status, response_body = @Body, location = @Location, etag = @ETag
            where caller = @Caller and key = @Key
            """, command, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Frees the key of a create that failed (nothing was created), so the client can simply retry.</summary>
public sealed record ReleaseIdempotencyKeyCommand(string Caller, string Key) : ICommand<Unit>;

public sealed class ReleaseIdempotencyKeyHandler(DbSession session) : IRequestHandler<ReleaseIdempotencyKeyCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseIdempotencyKeyCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("delete from idempotent_creates where caller = @Caller and key = @Key and response_status is null", command, cancellationToken);
        return Unit.Value;
    }
}

/// <summary>Documents the Idempotency-Key header on every idempotent create.</summary>
public sealed class IdempotencyKeyOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IdempotentCreateMetadata>().Any())
        {
            return;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentCreates.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "使重试安全：同一键与同一请求返回首次的结果（保留 48 小时）。Makes retries safe: the same key with the same request returns the first answer (kept 48 hours) and creates nothing again; another request with the key is 422, one still running 409.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotentCreates.MaxKeyLength, MinLength = 1 },
        });
    }
}
