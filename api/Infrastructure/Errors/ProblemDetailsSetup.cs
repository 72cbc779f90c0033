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
                var (kind, detail) = problem.Status switch
                {
                    404 => (Problems.RouteNotFound, new Text("没有与该路径对应的接口。", "No endpoint exists at this path.")),
                    405 => (Problems.RouteMethodNotAllowed, new Text("该路径不支持此 HTTP 方法。", "This path does not support this HTTP method.")),
                    415 => (Problems.RequestUnsupportedMediaType, new Text("请以 application/json 发送请求体。", "Send the request body as application/json.")),
                    _ => (Problems.RequestFailed, new Text("请求未能完成。", "The request could not be completed.")),
                };
                problem.Extensions["code"] = kind.Code;
                problem.Type = ProblemTypes.For(kind.Code);
                problem.Title = Lang.Pick(kind.Title);
                problem.Detail ??= Lang.Pick(detail);
            }
            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["traceId"] = context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? context.HttpContext.TraceIdentifier;
        });
        return services;
    }
}
