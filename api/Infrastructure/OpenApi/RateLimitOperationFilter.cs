using Gaoxin.Api.Infrastructure.Security;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares on every operation but the health probes the 429 the global rate limiter can answer, with the headers it sends, so that a
/// generated client and an unattended caller know to wait <c>Retry-After</c> seconds.
/// </summary>
public sealed class RateLimitOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (RateLimiting.IsProbe("/" + context.ApiDescription.RelativePath))
        {
            return;
        }
        var tooMany = ProblemResponse.Create(context, "请求过多（request.rate-limited）：请在 Retry-After 秒后重试。Too many requests (request.rate-limited): retry after Retry-After seconds.");
        tooMany.Headers = new Dictionary<string, IOpenApiHeader>
        {
            ["Retry-After"] = Header("Seconds to wait before retrying."),
            ["RateLimit-Limit"] = Header("Requests allowed per minute for this key (or, without a key, this client address)."),
            ["RateLimit-Remaining"] = Header("Requests left in the current one-minute window: 0."),
            ["RateLimit-Reset"] = Header("Seconds until the window resets."),
        };
        operation.Responses ??= [];
        operation.Responses.TryAdd("429", tooMany);
    }

    private static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "2147483647" },
    };
}
