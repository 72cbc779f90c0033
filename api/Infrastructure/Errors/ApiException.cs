using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Infrastructure.Errors;

/// <summary>
/// A failure a client can act on: a kind from the catalogue (<see cref="Problems"/>: code, status, title) and what went
/// wrong in this request. The exception handler turns it into problem details with the kind's code, the one thing
/// clients should switch on.
/// </summary>
public class ApiException(ProblemKind kind, Text detail, IReadOnlyDictionary<string, object?>? extensions = null)
    : Exception(detail.En)
{
    public ProblemKind Kind { get; } = kind;
    public int Status => Kind.Status;
    public string Code => Kind.Code;
    public Text Title => Kind.Title;
    public Text Detail { get; } = detail;
    public IReadOnlyDictionary<string, object?> Extensions { get; } = ProblemMembers.EnsureDeclared(kind.Code, extensions ?? new Dictionary<string, object?>());

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
