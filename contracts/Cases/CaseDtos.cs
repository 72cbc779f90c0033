using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Cases;

/// <summary>Where a service case stands. 代办事项状态。</summary>
public enum CaseState
{
    /// <summary>Being handled. 办理中</summary>
    Open,
    /// <summary>Waiting for the enterprise (documents, a decision). 待企业补充</summary>
    WaitingOnEnterprise,
    /// <summary>Waiting for a department. 待部门办理</summary>
    WaitingOnDepartment,
    /// <summary>Every procedure done. 已办结</summary>
    Resolved,
    /// <summary>Closed without being resolved (withdrawn, merged). 已关闭</summary>
    Closed,
}

/// <summary>An approval procedure the zone handles for an enterprise. 审批事项。</summary>
public enum Procedure
{
    /// <summary>Land use (用地). 用地</summary>
    Land,
    /// <summary>Planning permit (规划许可). 规划许可</summary>
    PlanningPermit,
    /// <summary>Environmental impact assessment (环评). 环评</summary>
    EnvironmentalAssessment,
    /// <summary>Construction permit (施工许可). 施工许可</summary>
    ConstructionPermit,
    /// <summary>Project filing or approval (立项备案/核准). 立项</summary>
    ProjectFiling,
    /// <summary>Water connection. 用水</summary>
    Water,
    /// <summary>Power connection. 用电</summary>
    Power,
    /// <summary>Gas connection. 用气</summary>
    Gas,
    /// <summary>Anything else. 其他</summary>
    Other,
}

/// <summary>What a problem raised on site is about. 现场问题类别。</summary>
public enum SiteProblemKind
{
    /// <summary>用地</summary>
    Land,
    /// <summary>用水</summary>
    Water,
    /// <summary>用电</summary>
    Power,
    /// <summary>其他</summary>
    Other,
}

/// <summary>One procedure of a case, handled by one department within a time limit. 办理环节。</summary>
public sealed record CaseStepFields
{
    /// <example>land</example>
    public required Procedure Procedure { get; init; }

    /// <summary>The department responsible, by its organisation code.</summary>
    /// <example>potou-natural-resources</example>
    [StringLength(64, MinimumLength = 2)]
    public required string DepartmentCode { get; init; }

    /// <summary>The day the department accepted it (受理); null while not yet submitted.</summary>
    /// <example>2023-03-01</example>
    public DateOnly? StartedOn { get; init; }

    /// <summary>The time limit in working days counted from the day after acceptance (法定/承诺时限); null when none applies.</summary>
    /// <example>20</example>
    [Range(1, 1000)]
    public int? TimeLimitWorkingDays { get; init; }

    /// <summary>The day it was done; null while it is not.</summary>
    public DateOnly? CompletedOn { get; init; }

    public LocalizedText? Note { get; init; }
}

/// <summary>Something done on a case, for the log. 办理记录。</summary>
public sealed record CaseAction
{
    /// <example>2023-03-02</example>
    public required DateOnly On { get; init; }

    /// <summary>Who acted (a person's role or a unit).</summary>
    /// <example>代办专员 · case officer</example>
    [StringLength(200, MinimumLength = 1)]
    public required string By { get; init; }

    public required LocalizedText Text { get; init; }
}

/// <summary>A problem raised on site (用地、用水、用电…) and how it was resolved. 现场协调问题。</summary>
public sealed record SiteProblem
{
    /// <example>power</example>
    public required SiteProblemKind Kind { get; init; }

    public required DateOnly RaisedOn { get; init; }

    public required LocalizedText Description { get; init; }

    public DateOnly? ResolvedOn { get; init; }

    /// <summary>The unit that resolved it.</summary>
    [StringLength(200, MinimumLength = 1)]
    public string? ResolvedBy { get; init; }
}

/// <summary>
/// An enterprise's request the zone handles for it (“一对一”全程代办). Not public: reading needs a key with the
/// <c>cases</c> scope, and a key limited to a park sees that park's subtree only. A case as reads return it is a
/// valid body. 代办事项。
/// </summary>
public record CaseFields
{
    /// <summary>The enterprise in the registry, when it is there.</summary>
    /// <example>hongbo-microelectronics</example>
    [StringLength(64, MinimumLength = 2)]
    public string? EnterpriseCode { get; init; }

    /// <summary>The enterprise's name, as the request gives it (required when it is not in the registry).</summary>
    [StringLength(200, MinimumLength = 1)]
    public string? EnterpriseName { get; init; }

    /// <summary>The enterprise's project the case is for, by its name.</summary>
    [StringLength(200, MinimumLength = 1)]
    public string? ProjectName { get; init; }

    /// <summary>The zone's project record it belongs to, when there is one.</summary>
    [StringLength(64, MinimumLength = 2)]
    public string? ProjectCode { get; init; }

    /// <summary>The park the case belongs to: who may see it follows from this.</summary>
    /// <example>haidong</example>
    [StringLength(64, MinimumLength = 2)]
    public required string ParkCode { get; init; }

    /// <example>open</example>
    public required CaseState State { get; init; }

    /// <example>2023-03-01</example>
    public required DateOnly OpenedOn { get; init; }

    /// <summary>The day the zone promised the whole case by; null when none.</summary>
    public DateOnly? DueOn { get; init; }

    public DateOnly? ResolvedOn { get; init; }

    [MaxLength(30)]
    public IReadOnlyList<CaseStepFields> Steps { get; init; } = [];

    [MaxLength(500)]
    public IReadOnlyList<CaseAction> Actions { get; init; } = [];

    [MaxLength(100)]
    public IReadOnlyList<SiteProblem> Problems { get; init; } = [];

    /// <summary>Marks sample data, not a real case (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A new case. 新建代办事项。</summary>
public sealed record CreateCaseRequest : CaseFields
{
    /// <example>2023-0001</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}

/// <summary>A step's working days on the day asked about. 时限计算。</summary>
public sealed record CaseStepTiming
{
    /// <summary>The step's place in <c>steps</c>, from 0.</summary>
    public required int Index { get; init; }

    public required Procedure Procedure { get; init; }

    public required string DepartmentCode { get; init; }

    public required string DepartmentName { get; init; }

    /// <summary>Working days from acceptance to completion, or to the day asked about while open.</summary>
    public int? ElapsedWorkingDays { get; init; }

    /// <summary>Working days left within the limit; negative: overdue by that many.</summary>
    public int? RemainingWorkingDays { get; init; }

    /// <summary>The last working day within the limit.</summary>
    public DateOnly? DueOn { get; init; }

    /// <summary>Not done, and more working days have passed than its limit allows.</summary>
    public required bool Overdue { get; init; }

    /// <summary>Done, but after its limit.</summary>
    public required bool FinishedLate { get; init; }

    public required bool Done { get; init; }
}

/// <summary>A service case with its working-day timing for the day asked about. 代办事项。</summary>
public sealed record CaseDto : CaseFields
{
    [ReadOnlyMember]
    public required string Code { get; init; }

    [ReadOnlyMember]
    public string? ParkName { get; init; }

    [ReadOnlyMember]
    public required DateOnly On { get; init; }

    [ReadOnlyMember]
    public required IReadOnlyList<CaseStepTiming> Timing { get; init; }

    /// <summary>Not resolved or closed, and a step is overdue or the case is past its due day.</summary>
    [ReadOnlyMember]
    public required bool Overdue { get; init; }

    /// <summary>
    /// Years the working days cross for which no holiday calendar is on record: their weekends are still skipped,
    /// but a public holiday would be counted as a working day. Add the year's calendar to be exact.
    /// </summary>
    [ReadOnlyMember]
    public required IReadOnlyList<int> CalendarMissingYears { get; init; }

    [ReadOnlyMember]
    public required int Version { get; init; }

    [ReadOnlyMember]
    public required DateTimeOffset RecordedAt { get; init; }

    [ReadOnlyMember]
    public required string RecordedBy { get; init; }
}

/// <summary>A page of cases, overdue first. 代办事项列表。</summary>
public sealed record CasePage
{
    public required IReadOnlyList<CaseDto> Items { get; init; }

    public string? NextCursor { get; init; }
}

/// <summary>A day off or a working day that differs from the week's rule. 节假日安排。</summary>
public enum CalendarDayKind
{
    /// <summary>A public holiday (a weekday off). 法定节假日/休息日</summary>
    Holiday,
    /// <summary>A weekend day worked in exchange (调休上班). 调休上班日</summary>
    Workday,
}

/// <summary>One day that is not as the week would have it. 特殊日期。</summary>
public sealed record CalendarDay
{
    /// <example>2023-10-02</example>
    public required DateOnly Date { get; init; }

    /// <example>holiday</example>
    public required CalendarDayKind Kind { get; init; }

    /// <summary>The holiday it belongs to.</summary>
    public required LocalizedText Names { get; init; }
}

/// <summary>A year's official holiday arrangements (国务院办公厅关于节假日安排的通知). 年度节假日安排。</summary>
public sealed record CalendarYear
{
    /// <example>2023</example>
    [Range(1949, 2200)]
    public required int Year { get; init; }

    /// <summary>The notice it follows.</summary>
    /// <example>国办发明电〔2022〕16号</example>
    [StringLength(200, MinimumLength = 1)]
    public required string Source { get; init; }

    /// <summary>The days off on weekdays and the weekend days worked; every other weekday is a working day.</summary>
    [MaxLength(100)]
    public required IReadOnlyList<CalendarDay> Days { get; init; }
}

/// <summary>The years with a calendar on record. 已录入的年度。</summary>
public sealed record CalendarYearList
{
    public required IReadOnlyList<CalendarYear> Items { get; init; }
}
