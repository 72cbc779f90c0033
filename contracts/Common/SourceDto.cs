namespace Gaoxin.Contracts.Common;

/// <summary>Where a fact comes from: a published document, with its date. 事实来源：一份已发布的文件及其日期。</summary>
public sealed record SourceDto
{
    /// <summary>Stable code of the source.</summary>
    /// <example>article-2023-03-31</example>
    public required string Code { get; init; }

    /// <summary>Title in the response language.</summary>
    public required string Title { get; init; }

    /// <summary>Publisher in the response language.</summary>
    public string? Publisher { get; init; }

    /// <summary>Publication date (ISO 8601).</summary>
    /// <example>2023-03-31</example>
    public DateOnly? PublishedOn { get; init; }
}
