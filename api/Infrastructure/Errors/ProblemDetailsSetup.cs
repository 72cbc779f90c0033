using Gaoxin.Api.Infrastructure.Localization;
using Microsoft.AspNetCore.Http.Features;

namespace Gaoxin.Api.Infrastructure.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Problem details for everything, including the answers ASP.NET Core writes itself (an unknown route, a wrong
    /// method): each gets a code, a localized title and the trace id.
    /// </summary>
    public static IServiceCollection AddGaoxinProblemDetails(this IServiceCollection services)
    {
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            if (!problem.Extensions.ContainsKey("code"))
            {
                var (code, title, detail) = problem.Status switch
                {
                    404 => (ProblemCodes.RouteNotFound, new Text("资源不存在", "Not found"), new Text("没有与该路径对应的接口。", "No endpoint exists at this path.")),
                    405 => (ProblemCodes.MethodNotAllowed, new Text("方法不被允许", "Method not allowed"), new Text("该路径不支持此 HTTP 方法。", "This path does not support this HTTP method.")),
                    415 => (ProblemCodes.UnsupportedMediaType, new Text("不支持的媒体类型", "Unsupported media type"), new Text("请以 application/json 发送请求体。", "Send the request body as application/json.")),
                    _ => ("http." + problem.Status, new Text("请求失败", "Request failed"), new Text("请求未能完成。", "The request could not be completed.")),
                };
                problem.Extensions["code"] = code;
                problem.Type = ProblemTypes.For(code);
                problem.Title = Lang.Pick(title);
                problem.Detail ??= Lang.Pick(detail);
            }
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier;
        });
        return services;
    }
}
