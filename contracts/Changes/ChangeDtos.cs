using System.Text.Json;

namespace Gaoxin.Contracts.Changes;

/// <summary>What happened to a resource. 变更类型。</summary>
public enum ChangeAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One create, update or delete, in the order the writes committed. 变更记录。</summary>
public sealed record ChangeDto
{
    /// <summary>This change's place in the feed; pass it as <c>cursor</c> to continue right behind it.</summary>
    public required string Position { get; init; }

    /// <summary>park, indicator, observation, target, policy, measure, enterprise (with the enterprises scope only), project or round (a park's step in a reporting round).</summary>
    /// <example>observation</example>
    public required string ResourceType { get; init; }

    /// <summary>The resource's natural key: a code, an id, indicator/park/period for observations, indicator/park/period[/member] for targets, policy/measure for measures, set/period/park for rounds.</summary>
    /// <example>enterprise-rnd-institutions/zhanjiang-hitech-zone/2023-03-31</example>
    public required string Key { get; init; }

    public required ChangeAction Action { get; init; }

    /// <summary>The resource's ETag after the change (none for deletions and measures).</summary>
    public string? ETag { get; init; }

    /// <summary>When the change's transaction committed: the same for a whole batch, and never decreasing along the feed.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>
/// A page of the change feed. Store <c>nextCursor</c> and ask again with <c>cursor=nextCursor</c>: a client that does
/// misses no write and sees none twice, whatever order concurrent writes committed in.
/// </summary>
public sealed record ChangePage
{
    public required IReadOnlyList<ChangeDto> Items { get; init; }

    /// <summary>Where to continue; the same cursor again when there was nothing new.</summary>
    public required string NextCursor { get; init; }

    /// <summary>True when more changes are waiting right now.</summary>
    public required bool HasMore { get; init; }
}

/// <summary>One change to reference data: who, what, when, before and after. 审计记录。</summary>
public sealed record AuditEntryDto
{
    /// <example>42</example>
    public required long Id { get; init; }

    /// <summary>The API key's name (or seed, import).</summary>
    /// <example>haidong-statistics</example>
    public required string Actor { get; init; }

    public required ChangeAction Action { get; init; }

    /// <example>park</example>
    public required string ResourceType { get; init; }

    /// <example>haidong</example>
    public required string Key { get; init; }

    /// <summary>The stored row before the change (null for a creation).</summary>
    public JsonElement? Before { get; init; }

    /// <summary>The stored row after the change (null for a deletion).</summary>
    public JsonElement? After { get; init; }

    public required DateTimeOffset At { get; init; }
}

/// <summary>A page of the audit log, newest first.</summary>
public sealed record AuditPage
{
    public required IReadOnlyList<AuditEntryDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>Where the change feed ends now. 变更流当前位置。</summary>
public sealed record ChangeFeedHead
{
    /// <summary>Pass as <c>cursor</c> to listChanges to follow every change committed from now on.</summary>
    public required string Cursor { get; init; }

    /// <summary>When the position was read.</summary>
    public required DateTimeOffset At { get; init; }
}
