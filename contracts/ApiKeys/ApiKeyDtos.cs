using Gaoxin.Contracts.Common;
using System.ComponentModel.DataAnnotations;

namespace Gaoxin.Contracts.ApiKeys;

/// <summary>An API key as administrators see it: never the key itself. API 密钥信息。</summary>
public sealed record ApiKeyDto
{
    /// <example>municipal-stats-office</example>
    public required string Name { get; init; }

    /// <summary>The key's public prefix (gx_{prefix}_…), to recognise it.</summary>
    /// <example>7f3kq2ma</example>
    public required string Prefix { get; init; }

    /// <summary>read, write, import, admin, enterprises (enterprises' data), webhooks (its own subscriptions), cases (the approval service's cases).</summary>
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>The park whose subtree the key may write to; null for the whole zone.</summary>
    public string? ParkCode { get; init; }

    /// <summary>What the public sees as the author of what the key records (recordedBy); null: "API".</summary>
    /// <example>湛江市统计局</example>
    public string? DisplayName { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last use, to the minute.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A new key: the only time the key itself is shown. 新建的 API 密钥（仅显示一次）。</summary>
public sealed record CreatedApiKeyDto
{
    /// <summary>The key. Store it now: it cannot be shown again.</summary>
    public required string Key { get; init; }

    public required ApiKeyDto Info { get; init; }
}

/// <summary>A key to make. 新建 API 密钥。</summary>
public sealed record CreateApiKeyRequest
{
    /// <summary>Who or what uses it (lower-case letters, digits, hyphens; 2–64).</summary>
    /// <example>haidong-statistics</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Name { get; init; }

    /// <summary>Any of read, write, import, admin, enterprises (enterprises' data, not public), webhooks (managing its own subscriptions), cases (the approval service's cases, not public).</summary>
    /// <example>["read", "write"]</example>
    [MinLength(1), MaxLength(7)]
    [ItemLength(4, 11)]
    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Limit writes to this park and the parks within it.</summary>
    /// <example>haidong</example>
    [StringLength(64, MinimumLength = 2)]
    public string? ParkCode { get; init; }

    /// <summary>What the public sees as the author of what the key records (recordedBy), instead of the key's name; "API" when not given.</summary>
    /// <example>湛江市统计局</example>
    [StringLength(100, MinimumLength = 1)]
    public string? DisplayName { get; init; }
}

/// <summary>A page of API keys, by name. API 密钥（分页）。</summary>
public sealed record ApiKeyPage
{
    public required IReadOnlyList<ApiKeyDto> Items { get; init; }

    /// <summary>Opaque cursor for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}
