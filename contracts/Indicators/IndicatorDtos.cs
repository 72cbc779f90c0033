using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Indicators;

/// <summary>One allowed member of a breakdown, e.g. <c>provincial</c> of the accreditation level. 分项成员。</summary>
public sealed record BreakdownMemberDto
{
    /// <example>provincial</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Code { get; init; }

    /// <summary>The name in both languages (each 1–100 characters).</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>Name in the response language; to change it, change <c>names</c>.</summary>
    /// <example>省级</example>
    [ReadOnlyMember]
    public required string Name { get; init; }
}

/// <summary>The dimension an indicator's figures are broken down by, with its allowed members (1–20). 分项维度。</summary>
public sealed record BreakdownDto
{
    /// <example>accreditationLevel</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Code { get; init; }

    /// <summary>The name in both languages (each 1–100 characters).</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>Name in the response language; to change it, change <c>names</c>.</summary>
    /// <example>认定级别</example>
    [ReadOnlyMember]
    public required string Name { get; init; }

    [MinLength(1), MaxLength(20)]
    public required IReadOnlyList<BreakdownMemberDto> Members { get; init; }
}

/// <summary>
/// An indicator the zone measures itself by. GET returns it and PUT takes it back: change the writable members,
/// keep or leave out the read-only ones. 指标定义。
/// </summary>
public sealed record IndicatorDto : IndicatorFields
{
    /// <summary>Stable, URL-safe code.</summary>
    /// <example>enterprise-rnd-institutions</example>
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>Name in the response language; to change it, change <c>names</c>.</summary>
    /// <example>企业研发机构</example>
    [ReadOnlyMember]
    public required string Name { get; init; }

    /// <summary>Description in the response language; to change it, change <c>descriptions</c>.</summary>
    [ReadOnlyMember]
    public required string Description { get; init; }

    /// <summary>Increased by every change; the ETag is this number, quoted.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    [ReadOnlyMember]
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>One page of indicators; follow <c>nextCursor</c> until it is null.</summary>
public sealed record IndicatorPage
{
    public required IReadOnlyList<IndicatorDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>Everything about an indicator that a client may set. 可写的指标字段。</summary>
public record IndicatorFields
{
    /// <summary>The name in both languages (each 1–200 characters).</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>The description in both languages (each at most 4000 characters); omitted means empty.</summary>
    public LocalizedText Descriptions { get; init; } = LocalizedText.Empty;

    public required IndicatorCategory Category { get; init; }

    /// <summary>Cannot change once the indicator has observations: stored values are in this unit.</summary>
    public required IndicatorUnit Unit { get; init; }

    /// <summary>Cannot change once the indicator has observations.</summary>
    public required ValueKind ValueKind { get; init; }

    public required Aggregation Aggregation { get; init; }

    /// <summary>The breakdown dimension, if the indicator has one.</summary>
    public BreakdownDto? Breakdown { get; init; }

    /// <summary>When true, a total must equal the sum of the breakdown members sent with it (checked on every write). Requires a breakdown; omitted means false.</summary>
    [Required]
    public bool TotalEqualsBreakdown { get; init; }

    /// <summary>Only for progress indicators.</summary>
    public DateOnly? PlannedCompletion { get; init; }
}

/// <summary>A new indicator. 新建指标。</summary>
public sealed record CreateIndicatorRequest : IndicatorFields
{
    /// <summary>Stable, URL-safe code: lower-case letters, digits and single hyphens, 2–64 characters.</summary>
    /// <example>high-tech-enterprises</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}


