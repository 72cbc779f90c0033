using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Parks;

/// <summary>An area with its unit. 带单位的面积。</summary>
public sealed record AreaDto
{
    /// <summary>The amount, in <c>unit</c>.</summary>
    /// <example>5000</example>
    public required decimal Value { get; init; }

    /// <summary>The unit of <c>value</c>.</summary>
    public required AreaUnit Unit { get; init; }
}

/// <summary>
/// A place of the zone: the zone itself, a park, an incubator, a maker space, an industrial park or a research base.
/// GET returns it and PUT takes it back: change the writable members, keep or leave out the read-only ones.
/// 高新区内的一个园区或载体；读取后修改可写字段即可原样写回。
/// </summary>
public sealed record ParkDto : ParkFields
{
    /// <summary>Stable, URL-safe, unique code.</summary>
    /// <example>haidong</example>
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>Name in the response language (see the Content-Language header); to change it, change <c>names</c>.</summary>
    /// <example>海东园区</example>
    [ReadOnlyMember]
    public required string Name { get; init; }

    /// <summary>Description in the response language; to change it, change <c>descriptions</c>.</summary>
    [ReadOnlyMember]
    public required string Description { get; init; }

    /// <summary>The document named by <c>sourceCode</c>.</summary>
    [ReadOnlyMember]
    public SourceDto? Source { get; init; }

    /// <summary>Number of direct sub-places.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int ChildCount { get; init; }

    /// <summary>Revision number, increased by every update; the ETag is this number, quoted.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    /// <summary>When the place was last changed.</summary>
    [ReadOnlyMember]
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One page of parks. Follow <c>nextCursor</c> until it is null. 园区分页结果。</summary>
public sealed record ParkPage
{
    public required IReadOnlyList<ParkDto> Items { get; init; }

    /// <summary>Opaque cursor for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>A node of the "one zone, many parks" (一区多园) tree.</summary>
public sealed record ParkTreeNode
{
    /// <example>zhanjiang-hitech-zone</example>
    public required string Code { get; init; }

    public required ParkKind Kind { get; init; }

    /// <summary>Name in the response language.</summary>
    /// <example>湛江国家高新区</example>
    public required string Name { get; init; }

    public AccreditationLevel? AccreditationLevel { get; init; }

    public ParkStatus? Status { get; init; }

    /// <summary>Sub-places, ordered by code.</summary>
    public required IReadOnlyList<ParkTreeNode> Children { get; init; }
}

/// <summary>Everything about a place that a client may set. 可写的园区字段。</summary>
public record ParkFields
{
    public required ParkKind Kind { get; init; }

    /// <summary>Code of the parent place. Required for every kind but <c>zone</c>; must be null for the zone.</summary>
    /// <example>zhanjiang-hitech-zone</example>
    [StringLength(64, MinimumLength = 2)]
    public string? ParentCode { get; init; }

    /// <summary>Name in both languages (each 1–200 characters).</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>Description in both languages (each at most 4000 characters, may be empty).</summary>
    public required LocalizedText Descriptions { get; init; }

    public AccreditationLevel? AccreditationLevel { get; init; }

    public AreaDto? LandArea { get; init; }

    public ParkStatus? Status { get; init; }

    public DevelopmentPhase? DevelopmentPhase { get; init; }

    /// <summary>Code of the source document of these facts, if any.</summary>
    /// <example>article-2023-03-31</example>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }
}

/// <summary>A new place. 新建园区。</summary>
public sealed record CreateParkRequest : ParkFields
{
    /// <summary>Stable, URL-safe code: lower-case letters, digits and single hyphens, 2–64 characters.</summary>
    /// <example>haidong-maker-space</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}

