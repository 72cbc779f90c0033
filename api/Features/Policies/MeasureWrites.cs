using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

public sealed class MeasureFieldsValidator : AbstractValidator<MeasureFields>
{
    public MeasureFieldsValidator()
    {
        RuleFor(m => m.Kind).IsInEnum();
        RuleFor(m => m.Titles).NotNull().MustBeText(300, required: true);
        RuleFor(m => m.Descriptions).NotNull().MustBeText(4000, required: false);
        RuleFor(m => m.Amount).GreaterThanOrEqualTo(0);
        RuleFor(m => m.Rate).GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(m => m.Cap).GreaterThanOrEqualTo(0);
        When(m => m.Conditions is not null, () =>
        {
            RuleFor(m => m.Conditions!.Parks).MustHaveAtMost(50).OverridePropertyName("conditions.parks");
            RuleFor(m => m.Conditions!.Industries).MustHaveAtMost(20).OverridePropertyName("conditions.industries");
            RuleFor(m => m.Conditions!.Qualifications).MustHaveAtMost(20).OverridePropertyName("conditions.qualifications");
            RuleForEach(m => m.Conditions!.Parks).MustBeCode().OverridePropertyName("conditions.parks");
            RuleForEach(m => m.Conditions!.Industries).IsInEnum().OverridePropertyName("conditions.industries");
            RuleForEach(m => m.Conditions!.Qualifications).IsInEnum().OverridePropertyName("conditions.qualifications");
            RuleFor(m => m.Conditions!.MinRndSpend).GreaterThanOrEqualTo(0).OverridePropertyName("conditions.minRndSpend");
            RuleFor(m => m.Conditions!.MinHeadcount).GreaterThanOrEqualTo(0).OverridePropertyName("conditions.minHeadcount");
            RuleFor(m => m.Conditions!.MinYearsRegistered).GreaterThanOrEqualTo(0).OverridePropertyName("conditions.minYearsRegistered");
            RuleFor(m => m.Conditions!.MaxYearsRegistered).GreaterThanOrEqualTo(m => m.Conditions!.MinYearsRegistered ?? 0)
                .OverridePropertyName("conditions.maxYearsRegistered")
                .WithMessage(_ => Lang.Pick("最长注册年限不能小于最短注册年限。", "maxYearsRegistered cannot be below minYearsRegistered."));
        });
    }

    /// <summary>The column values a measure's insert and update bind; park codes in the conditions must exist.</summary>
    public static async Task<object> ColumnsAsync(DbSession session, MeasureFields fields, CancellationToken cancellationToken)
    {
        foreach (var code in fields.Conditions?.Parks ?? [])
        {
            _ = await session.ExecuteScalarAsync<long?>("select id from parks where code = @code", new { code }, cancellationToken)
                ?? throw ParkErrors.NotFound(code);
        }
        return new
        {
            Kind = fields.Kind.ToDb(),
            TitleZh = fields.Titles.Zh.Trim(),
            TitleEn = fields.Titles.En.Trim(),
            DescriptionZh = fields.Descriptions.Zh.Trim(),
            DescriptionEn = fields.Descriptions.En.Trim(),
            fields.Amount,
            fields.Rate,
            fields.Cap,
            Conditions = MeasureRow.WriteConditions(fields.Conditions),
            fields.GrantWithoutApplication,
        };
    }
}

/// <summary>Reads a measure inside the command's transaction, as its writes answer with it.</summary>
internal static class MeasureQueries
{
    public static async Task<SupportMeasureDto> ReadAsync(DbSession session, long policyId, string policyCode, string code, CancellationToken cancellationToken) =>
        (await ReadRowAsync(session, policyId, policyCode, code, cancellationToken)).ToDto();

    public static async Task<MeasureRow> ReadRowAsync(DbSession session, long policyId, string policyCode, string code, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<MeasureRow>(MeasureRow.Select + "\nwhere m.policy_id = @policyId and m.code = @code", new { policyId, code }, cancellationToken)
        ?? throw PolicyErrors.MeasureNotFound(policyCode, code);
}
