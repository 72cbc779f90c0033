using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Contracts.Observations;

/// <summary>The value of one breakdown member. 分项数值。</summary>
public sealed record BreakdownValueDto
{
    /// <example>provincial</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Member { get; init; }

    /// <summary>The member's name in the response language.</summary>
    /// <example>省级</example>
    public required string Name { get; init; }

    /// <example>29</example>
    public required decimal Value { get; init; }
}

/// <summary>Progress against plan, for progress indicators. 工程进度状态。</summary>
public sealed record ProgressDto
{
    /// <example>2023-10-31</example>
    public required DateOnly PlannedCompletion { get; init; }

    public required ProgressStatus Status { get; init; }
}

/// <summary>
/// The figure of one indicator for one park and one period: the total and its breakdown. 观测值。
/// </summary>
public sealed record ObservationDto
{
    /// <example>enterprise-rnd-institutions</example>
    public required string IndicatorCode { get; init; }

    /// <example>zhanjiang-hitech-zone</example>
    public required string ParkCode { get; init; }

    /// <summary>The period, in its canonical form: <c>2023</c>, <c>2023-Q1</c>, <c>2023-03</c> or a single date <c>2023-03-31</c>.</summary>
    /// <example>2023-03-31</example>
    public required string Period { get; init; }

    /// <example>2023-03-31</example>
    public required DateOnly PeriodStart { get; init; }

    /// <example>2023-03-31</example>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The total, in <c>unit</c>.</summary>
    /// <example>78</example>
    public required decimal Value { get; init; }

    public required IndicatorUnit Unit { get; init; }

    /// <summary>The breakdown members that were reported, in the indicator's member order; empty when none.</summary>
    public required IReadOnlyList<BreakdownValueDto> Breakdown { get; init; }

    /// <summary>The date the figure is valid on (截至日期).</summary>
    /// <example>2023-03-31</example>
    public required DateOnly AsOf { get; init; }

    /// <summary>Code of the document the figure comes from, if any.</summary>
    /// <example>article-2023-03-31</example>
    public string? SourceCode { get; init; }

    /// <summary>The document the figure comes from, if any.</summary>
    public SourceDto? Source { get; init; }

    public string? Note { get; init; }

    /// <summary>For progress indicators: the status against the plan as of today.</summary>
    public ProgressDto? Progress { get; init; }

    /// <summary>Increased by every change of this figure.</summary>
    /// <example>1</example>
    public required int Version { get; init; }

    /// <summary>When this version was recorded: the time its transaction committed, as the change feed's <c>changedAt</c> (so asOf reads follow the feed's order).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Who recorded it, as the public sees it: <c>seed</c>, or the display name chosen for the API key (<c>API</c> when none was chosen). Never a key's internal name.</summary>
    /// <example>seed</example>
    public required string RecordedBy { get; init; }
}

/// <summary>One page of observations, ordered by park and period; follow <c>nextCursor</c> until it is null.</summary>
public sealed record ObservationPage
{
    public required IReadOnlyList<ObservationDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>One breakdown member's value being written; a member as reads return it is accepted as it is.</summary>
public sealed record BreakdownValueInput
{
    /// <example>provincial</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Member { get; init; }

    /// <example>29</example>
    public required decimal Value { get; init; }

    /// <summary>Read-only: the member's name, as reads show it.</summary>
    [ReadOnlyMember]
    public string? Name { get; init; }
}

/// <summary>
/// The figure of an indicator for a park and a period, created or replaced by its natural key
/// (indicatorCode, parkCode, period). Send the total, the breakdown, or both: a missing total is the sum of the
/// breakdown. An observation as lists return it is a valid body: its read-only members may be sent back unchanged
/// (compared with the figure as it is now) or left out. 写入观测值。
/// </summary>
public sealed record PutObservationRequest
{
    /// <example>enterprise-rnd-institutions</example>
    [StringLength(64, MinimumLength = 2)]
    public required string IndicatorCode { get; init; }

    /// <example>zhanjiang-hitech-zone</example>
    [StringLength(64, MinimumLength = 2)]
    public required string ParkCode { get; init; }

    /// <summary><c>2023</c>, <c>2023-Q1</c>, <c>2023-03</c> or <c>2023-03-31</c>.</summary>
    /// <example>2023-03-31</example>
    [StringLength(10, MinimumLength = 4)]
    public required string Period { get; init; }

    /// <summary>The total; omitted means the sum of <c>breakdown</c>.</summary>
    /// <example>78</example>
    public decimal? Value { get; init; }

    /// <summary>Values of breakdown members (each member at most once); a member's <c>name</c> is read-only.</summary>
    [MaxLength(20)]
    public IReadOnlyList<BreakdownValueInput>? Breakdown { get; init; }

    /// <summary>The date the figure is valid on.</summary>
    /// <example>2023-03-31</example>
    public required DateOnly AsOf { get; init; }

    /// <summary>Code of the source document, if any.</summary>
    /// <example>article-2023-03-31</example>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }

    /// <summary>Why; required when the write changes a value already recorded (a correction). At most 2000 characters.</summary>
    [MaxLength(2000)]
    public string? Note { get; init; }

    /// <summary>Read-only: the first day of the period.</summary>
    [ReadOnlyMember]
    public DateOnly? PeriodStart { get; init; }

    /// <summary>Read-only: the last day of the period.</summary>
    [ReadOnlyMember]
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>Read-only: values are written in the indicator's unit, so a figure read in another unit (<c>unit=</c>) is refused.</summary>
    [ReadOnlyMember]
    public IndicatorUnit? Unit { get; init; }

    /// <summary>Read-only: the document named by <c>sourceCode</c>.</summary>
    [ReadOnlyMember]
    public SourceDto? Source { get; init; }

    /// <summary>Read-only: the status against the plan.</summary>
    [ReadOnlyMember]
    public ProgressDto? Progress { get; init; }

    /// <summary>Read-only: the figure's version (send its ETag in If-Match).</summary>
    [ReadOnlyMember]
    public int? Version { get; init; }

    /// <summary>Read-only.</summary>
    [ReadOnlyMember]
    public DateTimeOffset? RecordedAt { get; init; }

    /// <summary>Read-only.</summary>
    [ReadOnlyMember]
    public string? RecordedBy { get; init; }
}

/// <summary>What a revision did. 修订类型。</summary>
public enum RevisionAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>One recorded change of an observation: old and new values, who and when. 修订记录。</summary>
public sealed record ObservationRevisionDto
{
    /// <summary>The observation's version after this change.</summary>
    public required int Version { get; init; }

    public required RevisionAction Action { get; init; }

    /// <summary>When the change was recorded: the time its transaction committed.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <example>seed</example>
    public required string RecordedBy { get; init; }

    /// <summary>The total before the change; null when the change created the observation.</summary>
    public decimal? OldValue { get; init; }

    /// <summary>The total after the change; null when the change deleted it.</summary>
    public decimal? NewValue { get; init; }

    public required IReadOnlyList<BreakdownValueDto> OldBreakdown { get; init; }

    public required IReadOnlyList<BreakdownValueDto> NewBreakdown { get; init; }

    public DateOnly? AsOf { get; init; }

    public SourceDto? Source { get; init; }

    public string? Note { get; init; }
}

/// <summary>The latest figure of an indicator for a park, as a dashboard shows it. 园区指标最新值。</summary>
public sealed record ParkIndicatorValueDto
{
    /// <example>enterprise-rnd-institutions</example>
    public required string IndicatorCode { get; init; }

    /// <summary>The indicator's name in the response language.</summary>
    /// <example>企业研发机构</example>
    public required string Name { get; init; }

    public required IndicatorCategory Category { get; init; }

    public required ValueKind ValueKind { get; init; }

    /// <example>78</example>
    public required decimal Value { get; init; }

    public required IndicatorUnit Unit { get; init; }

    /// <summary>The period of the figure; when rolled up from sub-parks, the latest of theirs.</summary>
    /// <example>2023-03-31</example>
    public required string Period { get; init; }

    /// <example>2023-03-31</example>
    public required DateOnly AsOf { get; init; }

    /// <summary>The source document, when the figure comes from one park's own observation.</summary>
    public SourceDto? Source { get; init; }

    public required IReadOnlyList<BreakdownValueDto> Breakdown { get; init; }

    public ProgressDto? Progress { get; init; }

    /// <summary>True when the park had no figure of its own and this one is made from its sub-parks'.</summary>
    public required bool RolledUp { get; init; }

    /// <summary>The parks whose own observations make up the figure.</summary>
    public required IReadOnlyList<string> ParkCodes { get; init; }
}

/// <summary>One park's figure in a comparison; no value when the park has none for the period.</summary>
public sealed record IndicatorComparisonItem
{
    /// <example>haidong</example>
    public required string ParkCode { get; init; }

    /// <summary>The park's name in the response language.</summary>
    public required string ParkName { get; init; }

    public decimal? Value { get; init; }

    public string? Period { get; init; }

    public DateOnly? AsOf { get; init; }

    public required IReadOnlyList<BreakdownValueDto> Breakdown { get; init; }
}

/// <summary>One indicator across several parks, for charts. 指标跨园区对比。</summary>
public sealed record IndicatorComparisonDto
{
    /// <example>incubators</example>
    public required string IndicatorCode { get; init; }

    public required string Name { get; init; }

    public required IndicatorUnit Unit { get; init; }

    /// <summary>The period asked for; null when each park's latest figure was compared.</summary>
    public string? Period { get; init; }

    /// <summary>One item per park asked for, in the order asked.</summary>
    public required IReadOnlyList<IndicatorComparisonItem> Items { get; init; }
}

/// <summary>A page of a figure's history, oldest first. 观测值修订历史（分页）。</summary>
public sealed record ObservationRevisionPage
{
    public required IReadOnlyList<ObservationRevisionDto> Items { get; init; }

    /// <summary>Opaque cursor for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}
