using System.Text.Json;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

public static class ProjectErrors
{
    public static ApiException NotFound(string code) => new(Problems.ProjectNotFound,
        new($"项目“{code}”不存在。", $"There is no project '{code}'."), new Dictionary<string, object?> { ["projectCode"] = code });

    public static ApiException MilestoneNotFound(string code, string milestone) => new(Problems.ProjectNotFound,
        new($"项目“{code}”没有里程碑“{milestone}”。", $"The project '{code}' has no milestone '{milestone}'."),
        new Dictionary<string, object?> { ["projectCode"] = code, ["milestoneCode"] = milestone });

    public static ApiException CodeTaken(string code) => new(Problems.ProjectCodeTaken,
        new($"项目代码“{code}”已被使用。", $"The project code '{code}' is taken."), new Dictionary<string, object?> { ["projectCode"] = code });

    public static ApiException UnknownReferences(IDictionary<string, string[]> errors) => new(Problems.ProjectUnknownReference,
        new("项目引用了不存在的对象，未作任何修改。", "The project names things that do not exist; nothing was written."),
        new Dictionary<string, object?> { ["errors"] = errors });

    public static ApiException Cycle(IReadOnlyList<Node> cycle) => new(Problems.ProjectDependencyCycle,
        new($"依赖关系成环：{string.Join(" → ", cycle)}。请去掉其中一条依赖。", $"The dependencies go round in a circle: {string.Join(" → ", cycle)}. Remove one of them."),
        new Dictionary<string, object?> { ["cycle"] = cycle.Select(n => n.ToString()).ToArray() });

    public static ApiException ConflictingFacts(IDictionary<string, string[]> errors) => new(Problems.ProjectConflictingFacts,
        new("项目信息相互矛盾，未作任何修改。", "The project's facts contradict each other; nothing was written."),
        new Dictionary<string, object?> { ["errors"] = errors });

    public static ApiException HasDependents(string code, IReadOnlyList<Node> dependents) => new(Problems.ProjectHasDependents,
        new($"{string.Join("、", dependents)} 依赖项目“{code}”或它的里程碑（或是它的分期）：请先修改它们。",
            $"{string.Join(", ", dependents)} depend on the project '{code}' or its milestones (or are its phases): change them first."),
        new Dictionary<string, object?> { ["projectCode"] = code, ["dependents"] = dependents.Select(n => n.ToString()).ToArray() });
}

/// <summary>The field rules create and update share; facts that contradict each other are <see cref="ProjectRules"/>.</summary>
public sealed class ProjectFieldsValidator : AbstractValidator<ProjectFields>
{
    public ProjectFieldsValidator()
    {
        RuleFor(p => p.Names).NotNull().MustBeText(200, required: true);
        RuleFor(p => p.Descriptions).MustBeText(4000, required: false);
        RuleFor(p => p.Kind).IsInEnum();
        RuleFor(p => p.ParkCode!).MustBeCode().When(p => p.ParkCode is not null);
        RuleFor(p => p.PhaseOf!).MustBeCode().When(p => p.PhaseOf is not null);
        RuleFor(p => p.ResponsibleCode!).MustBeCode().When(p => p.ResponsibleCode is not null);
        RuleFor(p => p.PartnerCodes).NotNull().MustHaveAtMost(20);
        RuleForEach(p => p.PartnerCodes).MustBeCode();
        RuleFor(p => p.PlannedStart).Must(PartialDates.IsValid).WithMessage(DateMessage);
        RuleFor(p => p.PlannedCompletion).Must(PartialDates.IsValid).WithMessage(DateMessage);
        RuleFor(p => p.ActualStart).Must(PartialDates.IsValid).WithMessage(DateMessage);
        RuleFor(p => p.ActualCompletion).Must(PartialDates.IsValid).WithMessage(DateMessage);
        RuleFor(p => p.StatusReports).NotNull().MustHaveAtMost(100);
        RuleForEach(p => p.StatusReports).ChildRules(r =>
        {
            r.RuleFor(x => x.Status).IsInEnum();
            r.RuleFor(x => x.Note).MustBeText(1000, required: false);
            r.RuleFor(x => x.SourceCode!).MustBeCode().When(x => x.SourceCode is not null);
        });
        RuleFor(p => p.Progress!).ChildRules(l =>
        {
            l.RuleFor(x => x.IndicatorCode).NotEmpty().MustBeCode();
            l.RuleFor(x => x.ParkCode).NotEmpty().MustBeCode();
        }).When(p => p.Progress is not null);
        RuleFor(p => p.Milestones).NotNull().MustHaveAtMost(100)
            .Must(ms => ms is null || ms.Select(m => m?.Code).Distinct().Count() == ms.Count)
            .WithMessage(_ => Lang.Pick("里程碑代码在项目内须唯一。", "Milestone codes are unique within a project."));
        RuleForEach(p => p.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Code).NotEmpty().MustBeCode();
            m.RuleFor(x => x.Names).NotNull().MustBeText(200, required: true);
            m.RuleFor(x => x.Planned).Must(PartialDates.IsValid).WithMessage(DateMessage);
            m.RuleFor(x => x.Actual).Must(PartialDates.IsValid).WithMessage(DateMessage);
            m.RuleFor(x => x.DependsOn).NotNull().MustHaveAtMost(50);
            m.RuleForEach(x => x.DependsOn).SetValidator(new DependencyRefValidator());
            m.RuleFor(x => x.SourceCode!).MustBeCode().When(x => x.SourceCode is not null);
        });
        RuleFor(p => p.DependsOn).NotNull().MustHaveAtMost(50);
        RuleForEach(p => p.DependsOn).SetValidator(new DependencyRefValidator());
        RuleFor(p => p.Funding).NotNull().MustHaveAtMost(20);
        RuleForEach(p => p.Funding).ChildRules(f =>
        {
            f.RuleFor(x => x.Kind).IsInEnum();
            f.RuleFor(x => x.State).IsInEnum();
            f.RuleFor(x => x.Amount).GreaterThanOrEqualTo(0);
            f.RuleFor(x => x.Note).MustBeText(1000, required: false);
            f.RuleFor(x => x.SourceCode!).MustBeCode().When(x => x.SourceCode is not null);
        });
        RuleFor(p => p.SourceCode!).MustBeCode().When(p => p.SourceCode is not null);
    }

    private static string DateMessage(object _) =>
        Lang.Pick("日期须为某日（2023-06-15）、某月（2023-06）或某年（2023）。", "A date is a day (2023-06-15), a month (2023-06) or a year (2023).");
}

public sealed class DependencyRefValidator : AbstractValidator<DependencyRef>
{
    public DependencyRefValidator()
    {
        RuleFor(d => d.ProjectCode).NotEmpty().MustBeCode();
        RuleFor(d => d.MilestoneCode!).MustBeCode().When(d => d.MilestoneCode is not null);
    }
}

/// <summary>Facts of one project that cannot all be true, by member; empty when they agree.</summary>
public static class ProjectRules
{
    public static IDictionary<string, string[]> Contradictions(string code, ProjectFields project)
    {
        var errors = new Dictionary<string, string[]>();
        if (PartialDates.Last(project.PlannedCompletion) < PartialDates.First(project.PlannedStart))
        {
            errors["plannedCompletion"] = [Lang.Pick("计划完工早于计划开工。", "The planned completion is before the planned start.")];
        }
        if (PartialDates.Last(project.ActualCompletion) < PartialDates.First(project.ActualStart))
        {
            errors["actualCompletion"] = [Lang.Pick("实际完工早于实际开工。", "The actual completion is before the actual start.")];
        }
        if (project.PhaseOf == code)
        {
            errors["phaseOf"] = [Lang.Pick("项目不能是它自己的分期。", "A project cannot be a phase of itself.")];
        }
        var sameDay = project.StatusReports.GroupBy(r => r.AsOf).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (sameDay.Count > 0)
        {
            errors["statusReports"] = [Lang.Pick($"同一天只能有一条状态记录：{string.Join("、", sameDay)}。", $"At most one status a day: {string.Join(", ", sameDay)}.")];
        }
        return errors;
    }
}

/// <summary>
/// A project as stored in <c>projects.content</c> and in every version: the writable fields, normalised. Equal content
/// gives equal JSON, so an update that changes nothing writes nothing.
/// </summary>
public static class StoredProject
{
    private static JsonSerializerOptions Json => JsonSetup.StoredContent;

    public static ProjectFields Normalise(ProjectFields fields) => new()
    {
        Names = Trim(fields.Names)!,
        Descriptions = Trim(fields.Descriptions),
        Kind = fields.Kind,
        ParkCode = fields.ParkCode,
        PhaseOf = fields.PhaseOf,
        ResponsibleCode = fields.ResponsibleCode,
        PartnerCodes = fields.PartnerCodes.Distinct().Order(StringComparer.Ordinal).ToList(),
        PlannedStart = fields.PlannedStart,
        PlannedCompletion = fields.PlannedCompletion,
        ActualStart = fields.ActualStart,
        ActualCompletion = fields.ActualCompletion,
        StatusReports = fields.StatusReports.OrderBy(r => r.AsOf).ToList(),
        Progress = fields.Progress,
        Milestones = fields.Milestones.Select(m => m with { Names = Trim(m.Names)!, DependsOn = Sorted(m.DependsOn) }).ToList(),
        DependsOn = Sorted(fields.DependsOn),
        Funding = fields.Funding.ToList(),
        SourceCode = fields.SourceCode,
        Illustrative = fields.Illustrative,
    };

    private static List<DependencyRef> Sorted(IReadOnlyList<DependencyRef> refs) =>
        refs.DistinctBy(r => (r.ProjectCode, r.MilestoneCode)).OrderBy(r => r.ProjectCode, StringComparer.Ordinal).ThenBy(r => r.MilestoneCode, StringComparer.Ordinal).ToList();

    private static LocalizedText? Trim(LocalizedText? text) => text is null ? null : new() { Zh = text.Zh.Trim(), En = text.En.Trim() };

    public static string ToJson(ProjectFields fields) => JsonSerializer.Serialize(fields, Json);

    public static ProjectFields FromJson(string json) => JsonSerializer.Deserialize<ProjectFields>(json, Json)!;
}
