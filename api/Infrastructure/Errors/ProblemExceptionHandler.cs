using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Gaoxin.Api.Infrastructure.Database;
using Npgsql;

namespace Gaoxin.Api.Infrastructure.Errors;

/// <summary>
/// The one place where exceptions become HTTP answers: RFC 9457 problem details with a stable <c>code</c>,
/// in the request's language, never with a stack trace or SQL text.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return true; // the client went away; nobody is left to answer
        }

        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        http.Response.StatusCode = problem.Status!.Value;
        if (exception is ApiException { RetryAfterSeconds: { } retryAfter })
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ApiException api => FromApiException(api),
        ValidationException validation => FromValidation(validation),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Create(Problems.RequestBodyTooLarge, new("请求体超过了允许的大小。", "The request body exceeds the allowed size.")),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Create(Problems.RequestUnsupportedMediaType, new("请以 application/json 发送请求体。", "Send the request body as application/json.")),
        BadHttpRequestException bad => FromBinding(bad),
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => Create(Problems.ConflictDuplicate, new("已存在相同标识的资源。", "A resource with the same key already exists.")),
        // PostgreSQL text cannot hold U+0000: a NUL anywhere in a parameter or a body is the client's mistake, and the
        // command's transaction has already rolled back.
        PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter } => Create(Problems.RequestValidationFailed, new("文本中含有不允许的字符（例如 U+0000）。", "A text holds a character that is not allowed (such as U+0000).")),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } => Create(Problems.ConflictInUse, new("该资源仍被其他数据引用，或引用了不存在的资源。", "The resource is still referenced by other data, or refers to one that does not exist.")),
        Exception away when DataSources.Unavailable(away) => Create(Problems.ServerDatabaseUnavailable, new("数据库暂时无法访问，请稍后重试。", "The database cannot be reached right now; retry later.")),
        _ => Create(Problems.ServerError, new("处理请求时发生意外错误，已记录日志。", "An unexpected error occurred and was logged.")),
    };

    private static ProblemDetails FromApiException(ApiException api)
    {
        var problem = Create(api.Kind, api.Detail);
        foreach (var (key, value) in api.Extensions)
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    private static ProblemDetails FromValidation(ValidationException validation)
    {
        var problem = Create(Problems.RequestValidationFailed, new("一个或多个字段无效，详见 errors。", "One or more fields are invalid; see errors."));
        problem.Extensions["errors"] = validation.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());
        return problem;
    }

    private static ProblemDetails FromJson(JsonException json)
    {
        var field = JsonPath(json.Path);
        var missing = MissingProperties().Match(json.Message);
        var errors = new Dictionary<string, string[]>();
        if (missing.Success)
        {
            foreach (Match name in QuotedName().Matches(missing.Groups[1].Value))
            {
                errors[name.Groups[1].Value] = [Lang.Pick("必填字段缺失。", "This field is required.")];
            }
        }
        else if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            errors[field] = [Lang.Pick("未知字段。", "Unknown property.")];
        }
        else if (json.Message.Contains("doesn't allow setting null", StringComparison.Ordinal))
        {
            errors[field] = [Lang.Pick("该字段不能为 null。", "This field must not be null.")];
        }
        else
        {
            errors[field] = [Lang.Pick("值的格式或类型不正确。", "The value has the wrong format or type.")];
        }

        var problem = Create(Problems.RequestMalformedBody, new("请求体不是有效的 JSON，或不符合接口约定。", "The body is not valid JSON or does not match the contract."));
        problem.Extensions["errors"] = errors;
        return problem;
    }

    private static ProblemDetails FromBinding(BadHttpRequestException bad)
    {
        var name = BoundParameter().Match(bad.Message);
        var problem = Create(Problems.RequestInvalidParameter, new("一个或多个参数无效，详见 errors。", "One or more parameters are invalid; see errors."));
        if (name.Success)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]>
            {
                [name.Groups[1].Value] = [Lang.Pick("值的格式或类型不正确。", "The value has the wrong format or type.")],
            };
        }
        return problem;
    }

    /// <summary>Problem details of a kind from the catalogue, in the request's language.</summary>
    public static ProblemDetails Create(ProblemKind kind, Text detail)
    {
        var problem = new ProblemDetails
        {
            Status = kind.Status,
            Type = ProblemTypes.For(kind.Code),
            Title = Lang.Pick(kind.Title),
            Detail = Lang.Pick(detail),
        };
        problem.Extensions["code"] = kind.Code;
        return problem;
    }

    /// <summary>
    /// "Body.Name.Zh" (a command's request body is its <c>Body</c>) or "$.name.zh" become "name.zh":
    /// the path a client sees in its own JSON.
    /// </summary>
    private static string JsonPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }
        var trimmed = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
            : path.StartsWith("Body.", StringComparison.Ordinal) ? path[5..]
            : path;
        return string.Join('.', trimmed.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
    }

    [GeneratedRegex("missing required properties including: (.*)$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex QuotedName();

    [GeneratedRegex("parameter \"\\S+ (\\w+)\"")]
    private static partial Regex BoundParameter();
}
