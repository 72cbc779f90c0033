using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Rounds;

/// <summary>How often a data set is reported. 报告期类型。</summary>
public enum ReportingPeriodType
{
    /// <summary>Monthly (2024-03). 月报</summary>
    Month,
    /// <summary>Quarterly (2024-Q1). 季报</summary>
    Quarter,
    /// <summary>Yearly (2024). 年报</summary>
    Year,
}

/// <summary>Whether breaking a rule refuses a submission or only needs an explanation. 规则级别。</summary>
public enum RuleSeverity
{
    /// <summary>Refuses the submission until the figures are corrected. 错误</summary>
    Error,
    /// <summary>Needs an explanation before submission; shown to the reviewers. 警告</summary>
    Warning,
}

/// <summary>What a rule checks. 规则类型。</summary>
public enum RuleKind
{
    /// <summary>Left side, operator, right side, over figures of the same park and period. 比较</summary>
    Compare,
    /// <summary>An indicator's change against the previous period or the same period a year before, in percent. 变动幅度</summary>
    Change,
}

/// <summary>How a compare rule's sides must relate. 比较运算符。</summary>
public enum RuleOperator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
}

/// <summary>Which earlier period a change rule compares with. 比较期。</summary>
public enum ChangeBase
{
    /// <summary>The period before (环比).</summary>
    PreviousPeriod,
    /// <summary>The same period a year before (同比).</summary>
    SamePeriodLastYear,
}

/// <summary>One figure in a rule: an indicator's total, or one member of its breakdown, times a factor. 规则项。</summary>
public sealed record RuleTerm
{
    /// <example>enterprise-count</example>
    [StringLength(64, MinimumLength = 2)]
    public required string IndicatorCode { get; init; }

    /// <summary>A member of the indicator's breakdown; null: its total.</summary>
    [StringLength(64, MinimumLength = 1)]
    public string? Member { get; init; }

    /// <summary>What the figure is multiplied by (−1 subtracts it).</summary>
    /// <example>1</example>
    [Range(-1e9, 1e9)]
    public decimal Factor { get; init; } = 1;
}

/// <summary>
/// One side of a compare rule: the sum of its terms plus a constant, divided by the sum of <c>divideBy</c> when that
/// is given (a ratio). A side of a constant alone compares with anything. 规则表达式。
/// </summary>
public sealed record RuleSide
{
    [MaxLength(20)]
    public IReadOnlyList<RuleTerm> Terms { get; init; } = [];

    /// <example>0</example>
    [Range(-1e15, 1e15)]
    public decimal Constant { get; init; }

    /// <summary>The terms the side is divided by; empty: none.</summary>
    [MaxLength(20)]
    public IReadOnlyList<RuleTerm> DivideBy { get; init; } = [];
}

/// <summary>
/// A validation rule, defined as data (校验规则). A compare rule holds <c>left</c>, <c>operator</c> and <c>right</c>;
/// a change rule holds <c>indicatorCode</c>, <c>against</c> and <c>maxChangePercent</c>. A rule that needs a figure
/// not yet present is skipped: completeness reports what is missing.
/// </summary>
public sealed record ValidationRuleFields
{
    /// <summary>Unique within its data set.</summary>
    /// <example>sales-above-exports</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }

    /// <summary>What the rule checks, in words.</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>What to do when it is broken.</summary>
    public LocalizedText? Advice { get; init; }

    /// <example>warning</example>
    public required RuleSeverity Severity { get; init; }

    /// <example>compare</example>
    public required RuleKind Kind { get; init; }

    public RuleSide? Left { get; init; }

    public RuleOperator? Operator { get; init; }

    public RuleSide? Right { get; init; }

    /// <summary>The indicator a change rule watches.</summary>
    [StringLength(64, MinimumLength = 2)]
    public string? IndicatorCode { get; init; }

    public ChangeBase? Against { get; init; }

    /// <summary>The largest change, up or down, in percent of the earlier figure, that passes.</summary>
    /// <example>50</example>
    [Range(0, 1e6)]
    public decimal? MaxChangePercent { get; init; }
}

/// <summary>
/// A data set (报表): the indicators some parks report at one period type from a first period, when each round is due
/// and when it closes, and the rules its figures must pass. A data set as read is a valid body. 数据集。
/// </summary>
public record DataSetFields
{
    public required LocalizedText Names { get; init; }

    /// <example>quarter</example>
    public required ReportingPeriodType PeriodType { get; init; }

    /// <summary>The first period reported, of the set's period type.</summary>
    /// <example>2024-Q1</example>
    [StringLength(7, MinimumLength = 4)]
    public required string ValidFrom { get; init; }

    /// <example>["enterprise-count"]</example>
    [MinLength(1), MaxLength(200)]
    [ItemLength(2, 64)]
    public required IReadOnlyList<string> IndicatorCodes { get; init; }

    /// <summary>The parks that report it.</summary>
    /// <example>["zhanjiang-hitech-zone"]</example>
    [MinLength(1), MaxLength(100)]
    [ItemLength(2, 64)]
    public required IReadOnlyList<string> ParkCodes { get; init; }

    /// <summary>Whether every park below those also reports it (each with its own round, approved up the tree).</summary>
    public bool IncludeSubParks { get; init; }

    /// <summary>A round is due this many days after its period ends.</summary>
    /// <example>15</example>
    [Range(0, 366)]
    public required int DueAfterDays { get; init; }

    /// <summary>
    /// A round closes this many days after it is due: a park that has not submitted by then can no longer write its
    /// figures without an admin's unlock. Null: it never closes on its own.
    /// </summary>
    /// <example>30</example>
    [Range(0, 3660)]
    public int? ClosesAfterDays { get; init; }

    [MaxLength(100)]
    public IReadOnlyList<ValidationRuleFields> Rules { get; init; } = [];

    /// <summary>Marks a sample set, not one the bureau defined (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A data set as recorded. 数据集。</summary>
public sealed record DataSetDto : DataSetFields
{
    /// <example>quarterly-development</example>
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>The name in the response language.</summary>
    [ReadOnlyMember]
    public required string Name { get; init; }

    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    [ReadOnlyMember]
    public required DateTimeOffset RecordedAt { get; init; }

    [ReadOnlyMember]
    public required string RecordedBy { get; init; }
}

/// <summary>Where a park stands in a round. 填报状态。</summary>
public enum RoundState
{
    /// <summary>No figure of the set is recorded yet. 未开始</summary>
    NotStarted,
    /// <summary>Some figures are recorded; not submitted. 填报中</summary>
    InProgress,
    /// <summary>Submitted for review; its figures are locked. 已上报</summary>
    Submitted,
    /// <summary>Sent back with a reason; its figures can be corrected. 已退回</summary>
    Returned,
    /// <summary>Approved by the park above; locked. 已审核</summary>
    Approved,
    /// <summary>Published; locked. Corrections need a reopening. 已发布</summary>
    Published,
}

/// <summary>What a transition does. 流程操作。</summary>
public enum RoundAction
{
    Submit,
    Approve,
    Return,
    Publish,
    Reopen,
    Unlock,
}

/// <summary>One round of a data set: the set × a period, with its days. 填报轮次。</summary>
public sealed record RoundDto
{
    /// <example>quarterly-development</example>
    public required string DataSetCode { get; init; }

    public required string DataSetName { get; init; }

    /// <example>2024-Q1</example>
    public required string Period { get; init; }

    /// <summary>The day after the period ends: figures are expected from then on.</summary>
    public required DateOnly OpensOn { get; init; }

    /// <summary>The last day a submission counts as on time.</summary>
    public required DateOnly DueOn { get; init; }

    /// <summary>The last day figures can be written without a submission or an unlock; null: never closes.</summary>
    public DateOnly? ClosesOn { get; init; }
}

/// <summary>Why a park's figures of a round cannot be written now. 锁定说明。</summary>
public sealed record RoundLockDto
{
    public required string DataSetCode { get; init; }

    public required string Period { get; init; }

    public required string ParkCode { get; init; }

    /// <summary>submitted, approved, published, or closed (the round's closing day passed before a submission).</summary>
    /// <example>approved</example>
    public required string Reason { get; init; }

    /// <summary>Who submitted, approved or published it.</summary>
    public string? By { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>The round's closing day, when it has one.</summary>
    public DateOnly? ClosesOn { get; init; }

    /// <summary>How to get it unlocked, in the response language.</summary>
    public required string HowToUnlock { get; init; }
}

/// <summary>A running exception to a round's lock. 临时解锁。</summary>
public sealed record RoundUnlockDto
{
    public required string Reason { get; init; }

    public required DateTimeOffset Until { get; init; }

    public required string GrantedBy { get; init; }

    public required DateTimeOffset GrantedAt { get; init; }
}

/// <summary>A park's place in a round, as the status table and the matrix show it. 园区填报情况。</summary>
public sealed record ParkRoundSummaryDto
{
    public required string ParkCode { get; init; }

    public required string ParkName { get; init; }

    /// <summary>The park above it, when that park reports the same set too: it approves this one.</summary>
    public string? ParentCode { get; init; }

    public required RoundState State { get; init; }

    /// <summary>How many of the set's figures the park should report.</summary>
    public required int Expected { get; init; }

    /// <summary>How many are recorded.</summary>
    public required int Present { get; init; }

    /// <summary>Present ÷ expected, 0–1.</summary>
    /// <example>0.75</example>
    public required decimal Completeness { get; init; }

    /// <summary>When it was first submitted.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>True: first submitted by the due day; false: after it, or not submitted and the due day passed; null: not submitted and not due yet.</summary>
    public bool? OnTime { get; init; }

    /// <summary>Warning rules broken now and not yet explained.</summary>
    public required int OpenWarnings { get; init; }

    /// <summary>Error rules broken now.</summary>
    public required int Errors { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>When its figures were last published: read them as published with <c>asOf</c> set to this.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>The comment of the last transition (the reason, for a return or a reopening).</summary>
    public string? Comment { get; init; }

    /// <summary>What writes to its figures now meet; null: they are open.</summary>
    public RoundLockDto? Lock { get; init; }

    public RoundUnlockDto? Unlock { get; init; }
}

/// <summary>Completeness and timeliness of one round across the parks that report it. 填报进度。</summary>
public sealed record RoundStatusDto
{
    public required RoundDto Round { get; init; }

    /// <summary>The parks from the top of the tree down.</summary>
    public required IReadOnlyList<ParkRoundSummaryDto> Parks { get; init; }
}

/// <summary>The rounds of a data set over a span, for a parks × rounds matrix. 填报矩阵。</summary>
public sealed record RoundMatrixDto
{
    public required DataSetDto DataSet { get; init; }

    /// <summary>The rounds, newest first.</summary>
    public required IReadOnlyList<RoundStatusDto> Rounds { get; init; }
}

/// <summary>A rule a park's figures break, with the values and what to do. 校验结果。</summary>
public sealed record ViolationDto
{
    public required string RuleCode { get; init; }

    /// <summary>What the rule checks, in the response language.</summary>
    public required string Rule { get; init; }

    public required RuleSeverity Severity { get; init; }

    /// <summary>The left side's value (a compare rule), or the figure now (a change rule).</summary>
    public required decimal LeftValue { get; init; }

    /// <summary>The right side's value, or the earlier figure.</summary>
    public required decimal RightValue { get; init; }

    /// <summary>What was found, with the values, in the response language.</summary>
    /// <example>左边 120 应小于或等于右边 100。</example>
    public required string Message { get; init; }

    /// <summary>What to do, in the response language.</summary>
    public required string Advice { get; init; }

    /// <summary>The explanation given for a warning; null until one is.</summary>
    public string? Explanation { get; init; }

    public string? ExplainedBy { get; init; }
}

/// <summary>One of the set's figures for the park and period. 填报数值。</summary>
public sealed record RoundFigureDto
{
    public required string IndicatorCode { get; init; }

    public required string IndicatorName { get; init; }

    /// <example>count</example>
    public required string Unit { get; init; }

    /// <summary>The figure; null when it is missing.</summary>
    public decimal? Value { get; init; }

    /// <summary>The same figure in the previous period, when recorded.</summary>
    public decimal? PreviousValue { get; init; }

    /// <summary>The same period a year before, when recorded (year-on-year review).</summary>
    public decimal? LastYearValue { get; init; }

    /// <summary>The figure's ETag, for a correction.</summary>
    public string? ETag { get; init; }
}

/// <summary>A transition as recorded. 流程记录。</summary>
public sealed record RoundEventDto
{
    public required RoundAction Action { get; init; }

    public required RoundState From { get; init; }

    public required RoundState To { get; init; }

    public string? Comment { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string By { get; init; }
}

/// <summary>A park's round in full: its figures, what breaks which rule, the explanations and its history. 园区填报。</summary>
public sealed record ParkRoundDto
{
    public required RoundDto Round { get; init; }

    public required ParkRoundSummaryDto Status { get; init; }

    public required IReadOnlyList<RoundFigureDto> Figures { get; init; }

    /// <summary>Every rule broken now, errors first.</summary>
    public required IReadOnlyList<ViolationDto> Violations { get; init; }

    /// <summary>What the calling key may do next, from the state and the key's park.</summary>
    public required IReadOnlyList<RoundAction> AllowedActions { get; init; }

    /// <summary>Every transition, oldest first.</summary>
    public required IReadOnlyList<RoundEventDto> History { get; init; }
}

/// <summary>Why a broken warning rule's figures are right. 警告说明。</summary>
public sealed record ExplanationFields
{
    /// <example>sales-above-exports</example>
    [StringLength(64, MinimumLength = 2)]
    public required string RuleCode { get; init; }

    /// <example>一季度新签出口订单集中交付。</example>
    [StringLength(2000, MinimumLength = 1)]
    public required string Text { get; init; }
}

/// <summary>Explanations to keep for a park's round, each replacing the rule's earlier one. 填写说明。</summary>
public sealed record ExplanationsRequest
{
    [MinLength(1), MaxLength(100)]
    public required IReadOnlyList<ExplanationFields> Explanations { get; init; }
}

/// <summary>A submission, with explanations for the warnings it breaks. 上报。</summary>
public sealed record SubmitRoundRequest
{
    [StringLength(2000)]
    public string? Comment { get; init; }

    [MaxLength(100)]
    public IReadOnlyList<ExplanationFields> Explanations { get; init; } = [];
}

/// <summary>A review step: approve, return, publish or reopen. Returning and reopening need the reason. 审核。</summary>
public sealed record ReviewRoundRequest
{
    /// <example>请核实一季度营业收入。</example>
    [StringLength(2000)]
    public string? Comment { get; init; }
}

/// <summary>An admin's exception to a lock. 临时解锁。</summary>
public sealed record UnlockRoundRequest
{
    /// <example>统计局要求更正一季度数据。</example>
    [StringLength(2000, MinimumLength = 1)]
    public required string Reason { get; init; }

    /// <summary>How long the lock stays open, 1–168 hours.</summary>
    /// <example>24</example>
    [Range(1, 168)]
    public required int Hours { get; init; }
}

/// <summary>A round a submission by import submitted. 导入上报。</summary>
public sealed record SubmittedRoundDto
{
    public required string DataSetCode { get; init; }

    public required string Period { get; init; }

    public required string ParkCode { get; init; }
}
