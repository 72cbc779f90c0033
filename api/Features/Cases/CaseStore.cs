using System.Data;
using System.Text.Json;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Cases;

namespace Gaoxin.Api.Features.Cases;

public static class CaseErrors
{
    public static ApiException NotFound(string code) => new(Problems.CaseNotFound,
        new($"代办事项“{code}”不存在。", $"There is no case '{code}'."), new Dictionary<string, object?> { ["caseCode"] = code });

    public static ApiException CodeTaken(string code) => new(Problems.CaseCodeTaken,
        new($"代办事项编号“{code}”已被使用。", $"The case code '{code}' is taken."), new Dictionary<string, object?> { ["caseCode"] = code });

    public static ApiException UnknownReferences(IDictionary<string, string[]> errors) => new(Problems.CaseUnknownReference,
        new("代办事项引用了不存在的对象，未作任何修改。", "The case names things that do not exist; nothing was written."),
        new Dictionary<string, object?> { ["errors"] = errors });

    public static ApiException ConflictingFacts(IDictionary<string, string[]> errors) => new(Problems.CaseConflictingFacts,
        new("代办事项信息相互矛盾，未作任何修改。", "The case's facts contradict each other; nothing was written."),
        new Dictionary<string, object?> { ["errors"] = errors });
}

public sealed class CaseFieldsValidator : AbstractValidator<CaseFields>
{
    public CaseFieldsValidator()
    {
        RuleFor(c => c.EnterpriseCode!).MustBeCode().When(c => c.EnterpriseCode is not null);
        RuleFor(c => c.EnterpriseName).NotEmpty().When(c => c.EnterpriseCode is null)
            .WithMessage(_ => Lang.Pick("企业未在档案中时须给出企业名称。", "Give the enterprise's name when it is not in the registry."));
        RuleFor(c => c.ProjectCode!).MustBeCode().When(c => c.ProjectCode is not null);
        RuleFor(c => c.ParkCode).NotEmpty().MustBeCode();
        RuleFor(c => c.State).IsInEnum();
        RuleFor(c => (DateOnly?)c.OpenedOn).MustBeRecordDay().OverridePropertyName("openedOn");
        RuleFor(c => c.DueOn).MustBeRecordDay();
        RuleFor(c => c.ResolvedOn).MustBeRecordDay();
        RuleFor(c => c.Steps).NotNull().MustHaveAtMost(30);
        RuleForEach(c => c.Steps).ChildRules(s =>
        {
            s.RuleFor(x => x.Procedure).IsInEnum();
            s.RuleFor(x => x.DepartmentCode).NotEmpty().MustBeCode();
            s.RuleFor(x => x.TimeLimitWorkingDays).InclusiveBetween(1, 1000);
            s.RuleFor(x => x.StartedOn).MustBeRecordDay();
            s.RuleFor(x => x.CompletedOn).MustBeRecordDay();
            s.RuleFor(x => x.Note).MustBeText(1000, required: false);
        });
        RuleFor(c => c.Actions).NotNull().MustHaveAtMost(500);
        RuleForEach(c => c.Actions).ChildRules(a =>
        {
            a.RuleFor(x => x.By).NotEmpty().MaximumLength(200);
            a.RuleFor(x => (DateOnly?)x.On).MustBeRecordDay().OverridePropertyName("on");
            a.RuleFor(x => x.Text).NotNull().MustBeText(2000, required: true);
        });
        RuleFor(c => c.Problems).NotNull().MustHaveAtMost(100);
        RuleForEach(c => c.Problems).ChildRules(p =>
        {
            p.RuleFor(x => x.Kind).IsInEnum();
            p.RuleFor(x => x.Description).NotNull().MustBeText(2000, required: true);
            p.RuleFor(x => x.ResolvedBy).MaximumLength(200);
            p.RuleFor(x => (DateOnly?)x.RaisedOn).MustBeRecordDay().OverridePropertyName("raisedOn");
            p.RuleFor(x => x.ResolvedOn).MustBeRecordDay();
        });
    }
}

/// <summary>Facts of one case that cannot all be true, by member; empty when they agree.</summary>
public static class CaseRules
{
    public static IDictionary<string, string[]> Contradictions(CaseFields @case)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string member, string zh, string en) => (errors.TryGetValue(member, out var list) ? list : errors[member] = []).Add(Lang.Pick(zh, en));

        if (@case.ResolvedOn < @case.OpenedOn)
        {
            Add("resolvedOn", "办结日期早于受理日期。", "Resolved before it was opened.");
        }
        if (@case.State == CaseState.Resolved && @case.ResolvedOn is null)
        {
            Add("resolvedOn", "已办结的事项须给出办结日期。", "A resolved case needs resolvedOn.");
        }
        if (@case.DueOn < @case.OpenedOn)
        {
            Add("dueOn", "承诺日期早于受理日期。", "Due before it was opened.");
        }
        for (var i = 0; i < @case.Steps.Count; i++)
        {
            var step = @case.Steps[i];
            if (step.CompletedOn is not null && step.StartedOn is null)
            {
                Add($"steps[{i}].completedOn", "未受理的环节不能已完成。", "A step cannot be done before it was accepted.");
            }
            if (step.CompletedOn < step.StartedOn)
            {
                Add($"steps[{i}].completedOn", "完成日期早于受理日期。", "Done before it was accepted.");
            }
            if (step.StartedOn < @case.OpenedOn)
            {
                Add($"steps[{i}].startedOn", "环节受理早于事项受理。", "Accepted before the case was opened.");
            }
        }
        for (var i = 0; i < @case.Problems.Count; i++)
        {
            if (@case.Problems[i].ResolvedOn < @case.Problems[i].RaisedOn)
            {
                Add($"problems[{i}].resolvedOn", "解决日期早于提出日期。", "Resolved before it was raised.");
            }
        }
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}

/// <summary>A case as stored in <c>service_cases.content</c>: the writable fields as written.</summary>
public static class StoredCase
{
    private static JsonSerializerOptions Json => JsonSetup.StoredContent;

    public static CaseFields Normalise(CaseFields fields) => new()
    {
        EnterpriseCode = fields.EnterpriseCode,
        EnterpriseName = fields.EnterpriseName?.Trim(),
        ProjectName = fields.ProjectName?.Trim(),
        ProjectCode = fields.ProjectCode,
        ParkCode = fields.ParkCode,
        State = fields.State,
        OpenedOn = fields.OpenedOn,
        DueOn = fields.DueOn,
        ResolvedOn = fields.ResolvedOn,
        Steps = fields.Steps.ToList(),
        Actions = fields.Actions.OrderBy(a => a.On).ToList(),
        Problems = fields.Problems.OrderBy(p => p.RaisedOn).ToList(),
        Illustrative = fields.Illustrative,
    };

    public static string ToJson(CaseFields fields) => JsonSerializer.Serialize(fields, Json);

    public static CaseFields FromJson(string json) => JsonSerializer.Deserialize<CaseFields>(json, Json)!;
}
