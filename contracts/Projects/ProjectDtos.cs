using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Projects;

/// <summary>What a project builds. 项目类别。</summary>
public enum ProjectKind
{
    /// <summary>Roads and road networks. 道路</summary>
    Road,
    /// <summary>Utilities: water, power, gas, telecom, drainage, sewage. 市政配套</summary>
    Utilities,
    /// <summary>A public facility: a park, a fire station, a refuse station. 公共设施</summary>
    Facility,
    /// <summary>A public service: a school, a hospital, housing. 公共服务</summary>
    PublicService,
    /// <summary>Research: a laboratory, an R&amp;D base. 科研</summary>
    Research,
    /// <summary>An industrial project. 产业</summary>
    Industrial,
    /// <summary>Land acquisition and preparation. 土地征收</summary>
    Land,
    /// <summary>Anything else. 其他</summary>
    Other,
}

/// <summary>Where a project stands on a day, from the latest fact on record by then. 项目状态。</summary>
public enum ProjectStatus
{
    /// <summary>Nothing on record says work began. 计划</summary>
    Planned,
    /// <summary>Preliminary work (前期工作): studies, approvals, funding. 前期</summary>
    Preliminary,
    /// <summary>Under construction. 在建</summary>
    UnderConstruction,
    /// <summary>Completed. 已完工</summary>
    Completed,
    /// <summary>Suspended. 暂停</summary>
    Suspended,
}

/// <summary>Whether a project or milestone will be done in time. 进度状态。</summary>
public enum ScheduleStatus
{
    /// <summary>Done. 已完成</summary>
    Done,
    /// <summary>Not done, due date passed. 逾期</summary>
    Late,
    /// <summary>Not late yet, but a prerequisite is late or at risk, or will finish after it is needed. 有风险</summary>
    AtRisk,
    /// <summary>Due later, nothing stands in its way. 正常</summary>
    OnTrack,
    /// <summary>No planned date on record: it cannot be late, nor said to be on track. 未排期</summary>
    Unscheduled,
}

/// <summary>Where money for a project comes from. 资金来源。</summary>
public enum FundingKind
{
    /// <summary>National or provincial special-purpose bonds. 专项债</summary>
    SpecialBonds,
    /// <summary>Government budget. 财政资金</summary>
    Budget,
    /// <summary>An enterprise's own money. 企业自筹</summary>
    Enterprise,
    /// <summary>Anything else. 其他</summary>
    Other,
}

/// <summary>How far a funding source has got. 资金状态。</summary>
public enum FundingState
{
    /// <summary>Applied for or being sought. 争取中</summary>
    Sought,
    /// <summary>Approved. 已批复</summary>
    Approved,
    /// <summary>Received. 已到位</summary>
    Received,
}

/// <summary>What a project or milestone waits for: another project's completion, or one of its milestones. 前置条件。</summary>
public sealed record DependencyRef
{
    /// <example>lab-area-road-network-phase-1</example>
    [StringLength(64, MinimumLength = 2)]
    public required string ProjectCode { get; init; }

    /// <summary>A milestone of that project; null: the project's completion.</summary>
    [StringLength(64, MinimumLength = 2)]
    public string? MilestoneCode { get; init; }
}

/// <summary>A status a source stated for a day (the article says "completed", "preliminary work"…). 状态记录。</summary>
public sealed record StatusReport
{
    /// <summary>The day the source states it for.</summary>
    /// <example>2023-03-31</example>
    public required DateOnly AsOf { get; init; }

    /// <example>completed</example>
    public required ProjectStatus Status { get; init; }

    /// <summary>The source's words, when they say more than the status.</summary>
    public LocalizedText? Note { get; init; }

    /// <example>article-2023-03-31</example>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }
}

/// <summary>Where a project's percent complete is kept: the figures of a progress indicator for one park. 进度来源。</summary>
public sealed record ProgressLink
{
    /// <summary>An indicator whose figures are percent complete (unit percent).</summary>
    /// <example>road-network-phase-2-progress</example>
    [StringLength(64, MinimumLength = 2)]
    public required string IndicatorCode { get; init; }

    /// <summary>The park its figures are recorded for.</summary>
    /// <example>zhanjiang-hitech-zone</example>
    [StringLength(64, MinimumLength = 2)]
    public required string ParkCode { get; init; }
}

/// <summary>A checkpoint of a project. 里程碑。</summary>
public sealed record MilestoneFields
{
    /// <summary>Unique within the project.</summary>
    /// <example>move-in</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }

    public required LocalizedText Names { get; init; }

    /// <summary>When it is planned: a day (2023-06-15), a month (2023-06) or a year (2023), the precision the source gives.</summary>
    /// <example>2023-06</example>
    [RegularExpression(PartialDate.Pattern), StringLength(10, MinimumLength = 4)]
    public string? Planned { get; init; }

    /// <summary>When it was reached, with the precision known; null while it is not.</summary>
    [RegularExpression(PartialDate.Pattern), StringLength(10, MinimumLength = 4)]
    public string? Actual { get; init; }

    /// <summary>What must be done first.</summary>
    [MaxLength(50)]
    public IReadOnlyList<DependencyRef> DependsOn { get; init; } = [];

    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }
}

/// <summary>One source of money for a project. 资金来源。</summary>
public sealed record FundingFields
{
    /// <example>specialBonds</example>
    public required FundingKind Kind { get; init; }

    /// <example>sought</example>
    public required FundingState State { get; init; }

    /// <summary>The amount in 万元 (10,000 yuan), when known.</summary>
    [Range(0, 1e12)]
    public decimal? Amount { get; init; }

    public LocalizedText? Note { get; init; }

    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }
}

/// <summary>The format of the platform's partial dates, for the contract.</summary>
public static class PartialDate
{
    /// <summary>A year, a month or a day.</summary>
    public const string Pattern = @"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$";
}

/// <summary>
/// A project of the zone's works, as written. Dates may be a day, a month or a year: the precision the source gives,
/// never an invented day. A project as reads return it is a valid body: its read-only members may be sent back
/// unchanged or left out. 重大项目。
/// </summary>
public record ProjectFields
{
    public required LocalizedText Names { get; init; }

    public LocalizedText? Descriptions { get; init; }

    /// <example>road</example>
    public required ProjectKind Kind { get; init; }

    /// <summary>The park it is in; null: the zone as a whole.</summary>
    /// <example>haidong</example>
    [StringLength(64, MinimumLength = 2)]
    public string? ParkCode { get; init; }

    /// <summary>The project this one is a phase of.</summary>
    /// <example>lab-area-road-network</example>
    [StringLength(64, MinimumLength = 2)]
    public string? PhaseOf { get; init; }

    /// <summary>The organisation responsible (责任单位), by its code in the policy catalogue.</summary>
    /// <example>zone-development-bureau</example>
    [StringLength(64, MinimumLength = 2)]
    public string? ResponsibleCode { get; init; }

    /// <summary>Partner organisations (配合单位).</summary>
    [MaxLength(20)]
    [ItemLength(2, 64)]
    public IReadOnlyList<string> PartnerCodes { get; init; } = [];

    /// <example>2022-09</example>
    [RegularExpression(PartialDate.Pattern), StringLength(10, MinimumLength = 4)]
    public string? PlannedStart { get; init; }

    /// <example>2023-10</example>
    [RegularExpression(PartialDate.Pattern), StringLength(10, MinimumLength = 4)]
    public string? PlannedCompletion { get; init; }

    [RegularExpression(PartialDate.Pattern), StringLength(10, MinimumLength = 4)]
    public string? ActualStart { get; init; }

    [RegularExpression(PartialDate.Pattern), StringLength(10, MinimumLength = 4)]
    public string? ActualCompletion { get; init; }

    /// <summary>Statuses sources stated, each for its day.</summary>
    [MaxLength(100)]
    public IReadOnlyList<StatusReport> StatusReports { get; init; } = [];

    /// <summary>The indicator that holds its percent complete; null when none is kept.</summary>
    public ProgressLink? Progress { get; init; }

    [MaxLength(100)]
    public IReadOnlyList<MilestoneFields> Milestones { get; init; } = [];

    /// <summary>What its completion waits for.</summary>
    [MaxLength(50)]
    public IReadOnlyList<DependencyRef> DependsOn { get; init; } = [];

    [MaxLength(20)]
    public IReadOnlyList<FundingFields> Funding { get; init; } = [];

    /// <example>article-2023-03-31</example>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }

    /// <summary>Marks sample data, not a real project of the zone (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A new project. 新建项目。</summary>
public sealed record CreateProjectRequest : ProjectFields
{
    /// <example>lab-area-road-network-phase-2</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}

/// <summary>Whether something will be done in time, and why. 进度判断。</summary>
public sealed record ScheduleDto
{
    public required ScheduleStatus Status { get; init; }

    /// <summary>The rule that gave the status, in the response language.</summary>
    public required string Reason { get; init; }

    /// <summary>The last day it is due: the end of its planned date's month or year when that is all that is known.</summary>
    public DateOnly? DueBy { get; init; }

    /// <summary>The prerequisites, not done, that make it late or at risk.</summary>
    public required IReadOnlyList<DependencyRef> BlockedBy { get; init; }
}

/// <summary>A percent complete on record. 进度。</summary>
public sealed record ProgressPoint
{
    /// <summary>The period of the figure (a day, month…).</summary>
    /// <example>2023-03-31</example>
    public required string Period { get; init; }

    /// <example>2023-03-31</example>
    public required DateOnly AsOf { get; init; }

    /// <example>78</example>
    public required decimal Percent { get; init; }

    public string? SourceCode { get; init; }

    public string? Note { get; init; }
}

/// <summary>A milestone with where it stands. 里程碑。</summary>
public sealed record MilestoneDto
{
    public required string Code { get; init; }

    public required string Name { get; init; }

    public required LocalizedText Names { get; init; }

    public string? Planned { get; init; }

    public string? Actual { get; init; }

    public required IReadOnlyList<DependencyRef> DependsOn { get; init; }

    public string? SourceCode { get; init; }

    public required ScheduleDto Schedule { get; init; }
}

/// <summary>A funding source with its state. 资金来源。</summary>
public sealed record FundingDto
{
    public required FundingKind Kind { get; init; }

    public required FundingState State { get; init; }

    public decimal? Amount { get; init; }

    public string? Note { get; init; }

    public string? SourceCode { get; init; }
}

/// <summary>A project as recorded, with its status and schedule for the day asked about. 重大项目。</summary>
public sealed record ProjectDto : ProjectFields
{
    /// <example>lab-area-road-network-phase-2</example>
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>The name in the response language.</summary>
    [ReadOnlyMember]
    public required string Name { get; init; }

    [ReadOnlyMember]
    public string? ParkName { get; init; }

    [ReadOnlyMember]
    public string? ResponsibleName { get; init; }

    /// <summary>The projects that are phases of this one.</summary>
    [ReadOnlyMember]
    public required IReadOnlyList<string> Phases { get; init; }

    /// <summary>The day status and schedule are judged for.</summary>
    [ReadOnlyMember]
    public required DateOnly On { get; init; }

    /// <summary>Where it stands on that day: from the latest of its start, completion and stated statuses by then; with none, from its phases.</summary>
    [ReadOnlyMember]
    public required ProjectStatus Status { get; init; }

    [ReadOnlyMember]
    public required ScheduleDto Schedule { get; init; }

    /// <summary>The percent complete on record by that day, from the linked indicator, oldest first.</summary>
    [ReadOnlyMember]
    public required IReadOnlyList<ProgressPoint> ProgressHistory { get; init; }

    /// <summary>The latest percent complete by that day.</summary>
    [ReadOnlyMember]
    public decimal? PercentComplete { get; init; }

    [ReadOnlyMember]
    public required IReadOnlyList<MilestoneDto> MilestoneSchedules { get; init; }

    [ReadOnlyMember]
    public SourceDto? Source { get; init; }

    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    [ReadOnlyMember]
    public required DateTimeOffset RecordedAt { get; init; }

    [ReadOnlyMember]
    public required string RecordedBy { get; init; }
}

/// <summary>A page of projects. 项目列表。</summary>
public sealed record ProjectPage
{
    public required IReadOnlyList<ProjectDto> Items { get; init; }

    /// <summary>Pass as <c>cursor</c> for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}

/// <summary>A prerequisite of a project or milestone, direct or further up the chain. 前置条件。</summary>
public sealed record PrerequisiteDto
{
    public required DependencyRef Ref { get; init; }

    /// <summary>The project's (and milestone's) name in the response language.</summary>
    public required string Name { get; init; }

    /// <summary>1: a direct prerequisite; 2: a prerequisite of one; and so on (the shortest way).</summary>
    public required int Depth { get; init; }

    public string? Planned { get; init; }

    public string? Actual { get; init; }

    public required ScheduleDto Schedule { get; init; }

    /// <summary>
    /// The day it can be expected done: its due date, or today when it is late, or a prerequisite's later one — the
    /// latest of these. Null when nothing says.
    /// </summary>
    public DateOnly? ExpectedBy { get; init; }

    /// <summary>True when it is on the chain that finishes last (the critical path).</summary>
    public required bool Critical { get; init; }
}

/// <summary>What a project or milestone still depends on, and which of those put it at risk. 前置条件分析。</summary>
public sealed record PrerequisitesDto
{
    /// <summary>The project or milestone asked about.</summary>
    public required PrerequisiteDto Of { get; init; }

    /// <summary>The day judged for.</summary>
    public required DateOnly On { get; init; }

    /// <summary>Every prerequisite, direct and indirect, not done first, then by expected day.</summary>
    public required IReadOnlyList<PrerequisiteDto> Prerequisites { get; init; }

    /// <summary>How many are not done yet.</summary>
    public required int Remaining { get; init; }

    /// <summary>The prerequisites not done and past their due date.</summary>
    public required IReadOnlyList<DependencyRef> Late { get; init; }

    /// <summary>The chain that finishes last, from the first prerequisite to the one asked about: what drives its date.</summary>
    public required IReadOnlyList<DependencyRef> CriticalPath { get; init; }
}

/// <summary>One bar of the timeline: a project or one of its milestones. 时间轴条目。</summary>
public sealed record TimelineItem
{
    public required DependencyRef Ref { get; init; }

    public required string Name { get; init; }

    public string? ParkCode { get; init; }

    /// <summary>Start of the bar: the actual start, else the planned one (first day of its month or year).</summary>
    public DateOnly? Start { get; init; }

    /// <summary>End of the bar: the actual completion, else the planned one (last day of its month or year). A milestone's start and end are its day.</summary>
    public DateOnly? End { get; init; }

    /// <summary>The dates as the source gives them.</summary>
    public string? Planned { get; init; }

    public string? Actual { get; init; }

    /// <summary>Null for milestones.</summary>
    public ProjectStatus? Status { get; init; }

    public required ScheduleStatus Schedule { get; init; }

    public decimal? PercentComplete { get; init; }

    public required IReadOnlyList<DependencyRef> DependsOn { get; init; }
}

/// <summary>The zone's works between two days, for a Gantt chart. 项目时间轴。</summary>
public sealed record ProjectTimeline
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required DateOnly On { get; init; }

    /// <summary>Projects and milestones with a date in the window, projects by start then code, each project's milestones after it.</summary>
    public required IReadOnlyList<TimelineItem> Items { get; init; }

    /// <summary>Projects of the park subtree with no date at all: shown beside the chart, not on it.</summary>
    public required IReadOnlyList<TimelineItem> Undated { get; init; }
}
