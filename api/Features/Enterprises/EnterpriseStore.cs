using System.Text.Json;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Enterprises;

public static class EnterpriseErrors
{
    public static ApiException NotFound(string code) => new(Problems.EnterpriseNotFound,
        new($"企业“{code}”不存在。", $"There is no enterprise '{code}'."), new Dictionary<string, object?> { ["enterpriseCode"] = code });

    public static ApiException CodeTaken(string code) => new(Problems.EnterpriseCodeTaken,
        new($"企业代码“{code}”已被使用。", $"The enterprise code '{code}' is taken."), new Dictionary<string, object?> { ["enterpriseCode"] = code });

    public static ApiException CreditCodeTaken(string holder) => new(Problems.EnterpriseCreditCodeTaken,
        new($"该统一社会信用代码已登记在企业“{holder}”名下。", $"That unified social credit code is already recorded for the enterprise '{holder}'."),
        new Dictionary<string, object?> { ["enterpriseCode"] = holder });

    public static ApiException ConflictingFacts(IDictionary<string, string[]> errors) => new(Problems.EnterpriseConflictingFacts,
        new("企业信息相互矛盾，未作任何修改。", "The enterprise's facts contradict each other; nothing was written."),
        new Dictionary<string, object?> { ["errors"] = errors });
}

/// <summary>The field rules create and update share; facts that contradict each other are <see cref="EnterpriseRules"/>.</summary>
public sealed class EnterpriseFieldsValidator : AbstractValidator<EnterpriseFields>
{
    public EnterpriseFieldsValidator()
    {
        RuleFor(e => e.Names).NotNull().MustBeText(200, required: true);
        RuleFor(e => e.CreditCode!).Must(CreditCode.IsValid).When(e => e.CreditCode is not null)
            .WithMessage(_ => Lang.Pick("统一社会信用代码无效：须为 18 位（数字及除 I、O、S、V、Z 外的大写字母），且末位校验码须符合 GB 32100-2015。",
                "Not a valid unified social credit code: 18 characters (digits and capitals other than I, O, S, V, Z) whose last is the check character of GB 32100-2015."));
        RuleFor(e => e.ParkCode!).MustBeCode().When(e => e.ParkCode is not null);
        RuleFor(e => e.InParkSince).Null().When(e => e.ParkCode is null)
            .WithMessage(_ => Lang.Pick("未给出园区时不能给出入园日期。", "inParkSince needs a parkCode."));
        RuleFor(e => e.Industries).NotNull().MustHaveAtMost(10);
        RuleForEach(e => e.Industries).IsInEnum();
        RuleFor(e => e.Qualifications).NotNull().MustHaveAtMost(50);
        RuleForEach(e => e.Qualifications).ChildRules(q =>
        {
            q.RuleFor(x => x.Kind).IsInEnum();
            q.RuleFor(x => x.SourceCode!).MustBeCode().When(x => x.SourceCode is not null);
        });
        RuleFor(e => e.Figures).NotNull().MustHaveAtMost(100)
            .Must(figures => figures is null || figures.Select(f => f.Year).Distinct().Count() == figures.Count)
            .WithMessage(_ => Lang.Pick("每年至多一条数据。", "At most one entry a year."));
        RuleForEach(e => e.Figures).ChildRules(f =>
        {
            f.RuleFor(x => x.Year).InclusiveBetween(1949, 2200);
            f.RuleFor(x => x.RndSpend).GreaterThanOrEqualTo(0);
            f.RuleFor(x => x.Headcount).GreaterThanOrEqualTo(0);
            f.RuleFor(x => x.Revenue).GreaterThanOrEqualTo(0);
            f.RuleFor(x => x.SourceCode!).MustBeCode().When(x => x.SourceCode is not null);
        });
        RuleFor(e => e.SourceCode!).MustBeCode().When(e => e.SourceCode is not null);
    }
}

/// <summary>A stay in a park as stored: the park's code and the day it began (null: not known).</summary>
public sealed record StoredStay(string ParkCode, DateOnly? Since);

/// <summary>
/// An enterprise as stored in <c>enterprises.content</c> and in every version: the writable fields, normalised, and its
/// park history. Equal content gives equal JSON, so an update that changes nothing writes nothing.
/// </summary>
public sealed record StoredEnterprise
{
    public required LocalizedText Names { get; init; }
    public string? CreditCode { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public IReadOnlyList<Industry> Industries { get; init; } = [];
    public IReadOnlyList<QualificationHeld> Qualifications { get; init; } = [];
    public IReadOnlyList<EnterpriseYearFigures> Figures { get; init; } = [];
    public IReadOnlyList<StoredStay> Parks { get; init; } = [];
    public string? SourceCode { get; init; }
    public bool Illustrative { get; init; }

    private static JsonSerializerOptions Json => JsonSetup.StoredContent;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StoredEnterprise FromJson(string json) => JsonSerializer.Deserialize<StoredEnterprise>(json, Json)!;

    public string? ParkCode => Parks.Count > 0 ? Parks[^1].ParkCode : null;

    /// <summary>The fields as written, normalised, with the park history the write leads to (see <see cref="EnterpriseRules.NextStays"/>).</summary>
    public static StoredEnterprise Of(EnterpriseFields fields, IReadOnlyList<StoredStay> parks) => new()
    {
        Names = new() { Zh = fields.Names.Zh.Trim(), En = fields.Names.En.Trim() },
        CreditCode = fields.CreditCode,
        RegisteredOn = fields.RegisteredOn,
        Industries = fields.Industries.Distinct().Order().ToList(),
        Qualifications = fields.Qualifications.OrderBy(q => q.Kind).ThenBy(q => q.From).ThenBy(q => q.Until).ToList(),
        Figures = fields.Figures.OrderBy(f => f.Year).ToList(),
        Parks = parks,
        SourceCode = fields.SourceCode,
        Illustrative = fields.Illustrative,
    };
}
