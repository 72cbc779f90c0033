namespace Gaoxin.Contracts.Common;

/// <summary>
/// An error, as RFC 9457 problem details (media type application/problem+json).
/// 错误响应，遵循 RFC 9457（application/problem+json）。
/// </summary>
public sealed record Problem
{
    /// <summary>A URI naming the kind of problem.</summary>
    /// <example>https://gaoxin.example/problems/park.not-found</example>
    public string? Type { get; init; }

    /// <summary>Short, human-readable summary in the response language.</summary>
    public required string Title { get; init; }

    /// <summary>HTTP status code.</summary>
    /// <example>404</example>
    public required int Status { get; init; }

    /// <summary>What went wrong in this request, in the response language.</summary>
    public string? Detail { get; init; }

    /// <summary>The request path.</summary>
    public string? Instance { get; init; }

    /// <summary>Stable machine-readable error code; clients switch on this, never on the text.</summary>
    /// <example>park.not-found</example>
    public required string Code { get; init; }

    /// <summary>For validation problems: the messages for each invalid field, keyed by its JSON path.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Identifier of this request in the server's logs.</summary>
    public string? TraceId { get; init; }
}
