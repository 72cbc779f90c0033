using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Indicators;

/// <summary>One allowed member of a breakdown, e.g. <c>provincial</c> of the accreditation level. 分项成员。</summary>
public sealed record BreakdownMemberDto
{
    /// <example>provincial</example>
    public required string Code { get; init; }

    /// <summary>Name in the response language.</summary>
    /// <example>省级</example>
    public required string Name { get; init; }

    public required LocalizedText Names { get; init; }
}

/// <summary>The dimension an indicator's figures are broken down by, with its allowed members. 分项维度。</summary>
public sealed record BreakdownDto
{
    /// <example>accreditationLevel</example>
    public required string Code { get; init; }

    /// <summary>Name in the response language.</summary>
    /// <example>认定级别</example>
    public required string Name { get; init; }

    public required LocalizedText Names { get; init; }

    public required IReadOnlyList<BreakdownMemberDto> Members { get; init; }
}

/// <summary>An indicator the zone measures itself by. 指标定义。</summary>
public sealed record IndicatorDto
{
    /// <summary>Stable, URL-safe code.</summary>
    /// <example>enterprise-rnd-institutions</example>
    public required string Code { get; init; }

    /// <summary>Name in the response language.</summary>
    /// <example>企业研发机构</example>
    public required string Name { get; init; }

    /// <summary>Description in the response language.</summary>
    public required string Description { get; init; }

    public required LocalizedText Names { get; init; }

    public required LocalizedText Descriptions { get; init; }

    public required IndicatorCategory Category { get; init; }

    /// <summary>The unit values are stored and, unless a read asks for another, returned in.</summary>
    public required IndicatorUnit Unit { get; init; }

    public required ValueKind ValueKind { get; init; }

    public required Aggregation Aggregation { get; init; }

    /// <summary>The breakdown dimension, if the indicator has one.</summary>
    public BreakdownDto? Breakdown { get; init; }

    /// <summary>When true, a total must equal the sum of the breakdown members sent with it (checked on every write).</summary>
    public required bool TotalEqualsBreakdown { get; init; }

    /// <summary>For progress indicators: the planned completion date.</summary>
    /// <example>2023-10-31</example>
    public DateOnly? PlannedCompletion { get; init; }

    /// <example>1</example>
    public required int Version { get; init; }

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

/// <summary>A member of a breakdown being defined.</summary>
public sealed record BreakdownMemberDefinition
{
    /// <example>national</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }
}

/// <summary>A breakdown dimension being defined, with its allowed members (1–20).</summary>
public sealed record BreakdownDefinition
{
    /// <example>accreditationLevel</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Code { get; init; }

    public required LocalizedText Name { get; init; }

    [MinLength(1), MaxLength(20)]

    public required IReadOnlyList<BreakdownMemberDefinition> Members { get; init; }
}

/// <summary>Everything about an indicator that a client may set. 可写的指标字段。</summary>
public record IndicatorFields
{
    public required LocalizedText Name { get; init; }

    public LocalizedText? Description { get; init; }

    public required IndicatorCategory Category { get; init; }

    /// <summary>Cannot change once the indicator has observations: stored values are in this unit.</summary>
    public required IndicatorUnit Unit { get; init; }

    /// <summary>Cannot change once the indicator has observations.</summary>
    public required ValueKind ValueKind { get; init; }

    public required Aggregation Aggregation { get; init; }

    public BreakdownDefinition? Breakdown { get; init; }

    /// <summary>Requires a breakdown. Default false.</summary>
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

/// <summary>The new state of an indicator; replaces every writable field. 更新指标。</summary>
public sealed record UpdateIndicatorRequest : IndicatorFields;
