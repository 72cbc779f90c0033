using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares the answers any request can earn by its form rather than its meaning, so no operation forgets one: 400
/// wherever a parameter or header can be malformed, and 400, 413 and 415 wherever a body is read.
/// </summary>
public sealed class RequestProblemsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            operation.Responses.TryAdd("400", ProblemResponse.Create(context,
                "请求格式无效（request.invalid-parameter、request.invalid-consistency-token、request.malformed-body、request.validation-failed）：errors 列出各字段。A malformed parameter, header or body; errors names each field."));
        }
        if (operation.RequestBody is not null)
        {
            operation.Responses.TryAdd("413", ProblemResponse.Create(context,
                "请求体过大（request.body-too-large）。The body is over the size limit (request.body-too-large)."));
            operation.Responses.TryAdd("415", ProblemResponse.Create(context,
                "不支持的媒体类型（request.unsupported-media-type）。The body's media type is not one this operation reads (request.unsupported-media-type)."));
        }
    }
}
