using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Contracts.Targets;

/// <summary>A known starting point of a target: a value on a day. 基线。</summary>
public sealed record BaselineDto
{
    /// <example>29</example>
    public required decimal Value { get; init; }

    /// <example>2023-03-31</example>
    public required DateOnly On { get; init; }
}

/// <summary>
/// A planned value for an indicator, a park and a period (optionally one breakdown member), with its due date, written
/// and replaced by its natural key (indicatorCode, parkCode, period, member). A target as reads return it is a valid
/// body: its read-only members may be sent back unchanged or left out. 目标。
/// </summary>
public record TargetFields
{
    /// <example>incubating-enterprises</example>
    [StringLength(64, MinimumLength = 2)]
    public required string IndicatorCode { get; init; }

    /// <example>haidong</example>
    [StringLength(64, MinimumLength = 2)]
    public required string ParkCode { get; init; }

    /// <summary>The period the value is planned for: <c>2025</c>, <c>2025-Q4</c>, <c>2025-12</c> or <c>2025-12-31</c>.</summary>
    /// <example>2025</example>
    [StringLength(10, MinimumLength = 4)]
    public required string Period { get; init; }

    /// <summary>A breakdown member of the indicator, for a target on that member alone; omitted: the total.</summary>
    [StringLength(64, MinimumLength = 1)]
    public string? Member { get; init; }

    public required TargetDirection Direction { get; init; }

    /// <summary>The planned value, in the indicator's unit.</summary>
    /// <example>40</example>
    public required decimal Value { get; init; }

    /// <summary>The day by which the value is to be reached (on or after the period's first day).</summary>
    /// <example>2025-12-31</example>
    public required DateOnly DueOn { get; init; }

    /// <summary>Where the work started from, when known: progress is measured from it.</summary>
    public BaselineDto? Baseline { get; init; }

    /// <summary>Code of the document that set the target, if any.</summary>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }

    /// <summary>At most 2000 characters.</summary>
    [MaxLength(2000)]
    public string? Note { get; init; }

    /// <summary>Marks sample data, not a target the zone set (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A target as recorded. 目标。</summary>
public sealed record TargetDto : TargetFields
{
    /// <summary>The indicator's unit: the unit of <c>value</c> and of the baseline.</summary>
    [ReadOnlyMember]
    public required IndicatorUnit Unit { get; init; }

    /// <summary>The document named by <c>sourceCode</c>.</summary>
    [ReadOnlyMember]
    public SourceDto? Source { get; init; }

    /// <summary>Increased by every change; the ETag is this number, quoted.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    /// <summary>When this version was recorded: the time its transaction committed.</summary>
    [ReadOnlyMember]
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Who recorded it, as the public sees it (a key's display name, or <c>seed</c>).</summary>
    [ReadOnlyMember]
    public required string RecordedBy { get; init; }
}

/// <summary>A target and where it stands on the day asked about, with the reasons. 目标及其状态。</summary>
public sealed record TargetStatusDto
{
    public required TargetDto Target { get; init; }

    /// <summary>The indicator's name in the response language.</summary>
    public required string IndicatorName { get; init; }

    /// <summary>The park's name in the response language.</summary>
    public required string ParkName { get; init; }

    /// <summary>For a member's target, the member's name in the response language.</summary>
    public string? MemberName { get; init; }

    public required TargetStatus Status { get; init; }

    /// <summary>The figure the target is judged by: the target's own period when it has one, else the latest figure dated within that period.</summary>
    public decimal? Actual { get; init; }

    /// <summary>The figure's period.</summary>
    public string? ActualPeriod { get; init; }

    /// <summary>The day the figure is valid on (截至日期).</summary>
    public DateOnly? ActualAsOf { get; init; }

    /// <summary>How far the figure is from the target, in the direction that counts (positive: short of it).</summary>
    public decimal? Gap { get; init; }

    /// <summary>The share of the way from the baseline (or zero) to the target that is done, 0–1; null when it cannot be measured.</summary>
    public decimal? ShareDone { get; init; }

    /// <summary>The share of the time from the baseline's day (or the period's start) to the due date that has gone, 0–1.</summary>
    public required decimal ShareOfTimeGone { get; init; }

    /// <summary>Why, in the response language, with the numbers.</summary>
    public required string Explanation { get; init; }
}

/// <summary>A page of targets with their status; follow <c>nextCursor</c> until it is null. 目标分页。</summary>
public sealed record TargetPage
{
    public required IReadOnlyList<TargetStatusDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [Required]
    public bool HasMore => NextCursor is not null;

    /// <summary>The day the statuses are for.</summary>
    public required DateOnly On { get; init; }
}

/// <summary>How many targets are in each status. 各状态数量。</summary>
public sealed record StatusCount
{
    public required TargetStatus Status { get; init; }

    public required int Count { get; init; }
}

/// <summary>Every target of a park (and its sub-parks, when asked), with actual, gap, status and why. 园区目标记分卡。</summary>
public sealed record ScorecardDto
{
    /// <example>haidong</example>
    public required string ParkCode { get; init; }

    public required string ParkName { get; init; }

    /// <summary>The day the statuses are for.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Every status with its count, in the order of <c>TargetStatus</c>; zero counts included.</summary>
    public required IReadOnlyList<StatusCount> Totals { get; init; }

    /// <summary>Most urgent first: missed, late, at risk, no data, on track, achieved; then by due date.</summary>
    public required IReadOnlyList<TargetStatusDto> Items { get; init; }
}

/// <summary>One recorded change of a target. 目标修订记录。</summary>
public sealed record TargetRevisionDto
{
    public required int Version { get; init; }

    public required Observations.RevisionAction Action { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>The target as it was before the change; null when the change created it.</summary>
    public TargetFields? Before { get; init; }

    /// <summary>The target after the change; null when the change deleted it.</summary>
    public TargetFields? After { get; init; }
}

/// <summary>A page of a target's history, oldest first. 目标修订历史（分页）。</summary>
public sealed record TargetRevisionPage
{
    public required IReadOnlyList<TargetRevisionDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [Required]
    public bool HasMore => NextCursor is not null;
}
