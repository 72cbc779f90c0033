using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares on every operation the two answers any of them can give when the fault is not the client's: 500
/// (server.error, with a traceId and nothing of how it is built) and 503 (server.database-unavailable: retry later).
/// </summary>
public sealed class ServerProblemsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        foreach (var (status, text) in new[]
        {
            ("500", "服务器错误（server.error）：带 traceId，不含内部细节。An unexpected error (server.error), with a traceId and no internals."),
            ("503", "数据库暂不可用（server.database-unavailable）：稍后重试。The database cannot be reached (server.database-unavailable): retry later."),
        })
        {
            if (status == "503" && context.ApiDescription.RelativePath == "health/live")
            {
                continue; // liveness never touches the database
            }
            operation.Responses.TryAdd(status, ProblemResponse.Create(context, text));
        }
    }
}
