using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Indicators;

/// <summary>The rules of the fields that create and update share.</summary>
public sealed class IndicatorFieldsValidator : AbstractValidator<IndicatorFields>
{
    public const string MemberCodePattern = "^[a-z][a-zA-Z0-9-]{0,63}$";

    public IndicatorFieldsValidator()
    {
        RuleFor(i => i.Names).NotNull().MustBeText(200, required: true);
        RuleFor(i => i.Descriptions).NotNull().MustBeText(4000, required: false);
        RuleFor(i => i.Category).IsInEnum();
        RuleFor(i => i.Unit).IsInEnum();
        RuleFor(i => i.ValueKind).IsInEnum();
        RuleFor(i => i.Aggregation).IsInEnum();
        RuleFor(i => i.Unit)
            .Must((fields, unit) => UnitFits(fields.ValueKind, unit))
            .WithMessage(_ => Lang.Pick(
                "单位与数值类型不符：计数用 count，百分比和进度用 percent，金额或面积用 mu、hectare、squareMetre 或 tenThousandYuan。",
                "The unit does not fit the value kind: counts use count, percents and progress use percent, amounts use mu, hectare, squareMetre or tenThousandYuan."));
        RuleFor(i => i.PlannedCompletion)
            .Null().When(i => i.ValueKind != ValueKind.Progress)
            .WithMessage(_ => Lang.Pick("只有进度类指标才有计划完成日期。", "Only progress indicators have a planned completion date."));
        RuleFor(i => i.TotalEqualsBreakdown)
            .Equal(false).When(i => i.Breakdown is null)
            .WithMessage(_ => Lang.Pick("“总数等于分项之和”需要先定义分项。", "totalEqualsBreakdown needs a breakdown."));
        When(i => i.Breakdown is not null, () =>
        {
            RuleFor(i => i.Breakdown!.Code).Matches(MemberCodePattern).OverridePropertyName("breakdown.code");
            RuleFor(i => i.Breakdown!.Names).NotNull().MustBeText(100, required: true).OverridePropertyName("breakdown.names");
            RuleFor(i => i.Breakdown!.Members).NotNull().Must(m => m.Count is >= 1 and <= 20)
                .OverridePropertyName("breakdown.members")
                .WithMessage(_ => Lang.Pick("分项须有 1 到 20 个成员。", "A breakdown has 1 to 20 members."));
            RuleFor(i => i.Breakdown!.Members)
                .Must(m => m.Select(x => x.Code).Distinct().Count() == m.Count)
                .OverridePropertyName("breakdown.members")
                .WithMessage(_ => Lang.Pick("分项成员代码不能重复。", "Member codes must be distinct."));
            RuleForEach(i => i.Breakdown!.Members).ChildRules(member =>
            {
                member.RuleFor(m => m.Code).Matches(MemberCodePattern);
                member.RuleFor(m => m.Names).NotNull().MustBeText(100, required: true);
            }).OverridePropertyName("breakdown.members");
        });
    }

    private static bool UnitFits(ValueKind kind, IndicatorUnit unit) => kind switch
    {
        ValueKind.Count => unit == IndicatorUnit.Count,
        ValueKind.Percent or ValueKind.Progress => unit == IndicatorUnit.Percent,
        ValueKind.Amount => unit is IndicatorUnit.Mu or IndicatorUnit.Hectare or IndicatorUnit.SquareMetre or IndicatorUnit.TenThousandYuan,
        _ => false,
    };
}

/// <summary>Lookups and column values that several indicator and observation handlers share.</summary>
public static class IndicatorWrites
{
    public static object Columns(IndicatorFields fields) => new
    {
        NameZh = fields.Names.Zh.Trim(),
        NameEn = fields.Names.En.Trim(),
        DescriptionZh = fields.Descriptions.Zh.Trim(),
        DescriptionEn = fields.Descriptions.En.Trim(),
        Category = fields.Category.ToDb(),
        Unit = fields.Unit.ToDb(),
        ValueKind = fields.ValueKind.ToDb(),
        Aggregation = fields.Aggregation.ToDb(),
        Breakdown = fields.Breakdown is null ? null : StoredBreakdown.From(fields.Breakdown).ToJson(),
        fields.TotalEqualsBreakdown,
        fields.PlannedCompletion,
    };

    public static async Task<IndicatorRow> FindAsync(DbSession session, string code, bool forUpdate, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<IndicatorRow>(
            IndicatorRow.Select + "\nwhere i.code = @code" + (forUpdate ? " for update of i" : ""), new { code }, cancellationToken)
        ?? throw IndicatorErrors.NotFound(code);

    /// <summary>
    /// The definition a figure is checked against, held (FOR SHARE) until the write commits: a concurrent change of
    /// the indicator's unit, value kind, members or rule waits, so no figure is written under rules that changed
    /// between its check and its commit. Imports take the same lock on every indicator (<c>ShareAll</c>).
    /// </summary>
    public static async Task<IndicatorRow> FindForFigureAsync(DbSession session, string code, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<IndicatorRow>(IndicatorRow.Select + "\nwhere i.code = @code for share of i", new { code }, cancellationToken)
        ?? throw IndicatorErrors.NotFound(code);

    public const string ShareAll = "select id, code, value_kind, breakdown::text from indicators for share";
}
