using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Infrastructure.Errors;

/// <summary>
/// A failure a client can act on. The exception handler turns it into problem details with <see cref="Code"/>,
/// the one thing clients should switch on.
/// </summary>
public class ApiException(int status, string code, Text title, Text detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail.En)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public Text Title { get; } = title;
    public Text Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = ProblemMembers.EnsureDeclared(code, extensions ?? new Dictionary<string, object?>());

    /// <summary>When the client may try again, sent as <c>Retry-After</c> (seconds) with the problem.</summary>
    public int? RetryAfterSeconds { get; init; }
}

/// <summary>
/// The members a problem may carry besides the standard ones: exactly the properties of the <c>Problem</c> contract.
/// A problem with any other member would break every client that validates answers against openapi.json, so
/// making one fails at once (and every test that reaches it fails), instead of reaching a client.
/// </summary>
public static class ProblemMembers
{
    public static readonly IReadOnlySet<string> Declared = typeof(Gaoxin.Contracts.Common.Problem).GetProperties()
        .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, object?> EnsureDeclared(string code, IReadOnlyDictionary<string, object?> extensions)
    {
        foreach (var key in extensions.Keys)
        {
            if (!Declared.Contains(key))
            {
                throw new InvalidOperationException($"Problem '{code}' carries member '{key}', which the Problem contract does not declare: add it to Gaoxin.Contracts.Common.Problem.");
            }
        }
        return extensions;
    }
}

/// <summary>404: a resource named by the request does not exist.</summary>
public sealed class NotFoundException(string code, Text detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : ApiException(StatusCodes.Status404NotFound, code, new Text("资源不存在", "Not found"), detail, extensions);

/// <summary>409: the request conflicts with the current state (a duplicate code, a park that still has children...).</summary>
public sealed class ConflictException(string code, Text detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : ApiException(StatusCodes.Status409Conflict, code, new Text("与当前状态冲突", "Conflict"), detail, extensions);

/// <summary>422: well-formed input that breaks a rule of the domain (a total that differs from its breakdown...).</summary>
public sealed class RuleViolationException(string code, Text detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : ApiException(StatusCodes.Status422UnprocessableEntity, code, new Text("违反业务规则", "Rule violated"), detail, extensions);
