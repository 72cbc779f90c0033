using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.Measures;

public sealed class MeasureFieldsValidator : AbstractValidator<MeasureFields>
{
    public MeasureFieldsValidator()
    {
        RuleFor(m => m.Kind).IsInEnum();
        RuleFor(m => m.Title).NotNull().MustBeText(300, required: true);
        RuleFor(m => m.Description).MustBeText(4000, required: false).When(m => m.Description is not null);
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
            TitleZh = fields.Title.Zh.Trim(),
            TitleEn = fields.Title.En.Trim(),
            DescriptionZh = fields.Description?.Zh.Trim() ?? "",
            DescriptionEn = fields.Description?.En.Trim() ?? "",
            fields.Amount,
            fields.Rate,
            fields.Cap,
            Conditions = MeasureRow.WriteConditions(fields.Conditions),
        };
    }
}

public sealed record CreateMeasureCommand(string PolicyId, CreateMeasureRequest Body) : ICommand<SupportMeasureDto>;

public sealed class CreateMeasureValidator : AbstractValidator<CreateMeasureCommand>
{
    public CreateMeasureValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new MeasureFieldsValidator());
    }
}

public sealed class CreateMeasureHandler(DbSession session, ICaller caller) : IRequestHandler<CreateMeasureCommand, SupportMeasureDto>
{
    private const string Insert = """
        insert into support_measures (policy_id, code, position, kind, title_zh, title_en, description_zh, description_en, amount, rate, cap, conditions)
        values (@PolicyId, @Code, (select coalesce(max(position), 0) + 1 from support_measures where policy_id = @PolicyId),
                @Kind, @TitleZh, @TitleEn, @DescriptionZh, @DescriptionEn, @Amount, @Rate, @Cap, @Conditions::jsonb)
        on conflict (policy_id, code) do nothing
        """;

    public async Task<SupportMeasureDto> Handle(CreateMeasureCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        // Locking the document serialises measure positions and keeps its search index update in order.
        var policy = await PolicyWrites.FindAsync(session, command.PolicyId, forUpdate: true, cancellationToken);
        var parameters = new DynamicParameters(await MeasureFieldsValidator.ColumnsAsync(session, command.Body, cancellationToken));
        parameters.AddDynamicParams(new { PolicyId = policy.Id, command.Body.Code });
        if (await session.ExecuteAsync(Insert, parameters, cancellationToken) == 0)
        {
            throw PolicyErrors.MeasureCodeTaken(command.PolicyId, command.Body.Code);
        }
        return await MeasureQueries.ReadAsync(session, policy.Id, command.PolicyId, command.Body.Code, cancellationToken);
    }
}

public sealed record UpdateMeasureCommand(string PolicyId, string Code, UpdateMeasureRequest Body, IfMatch? IfMatch) : ICommand<SupportMeasureDto>;

public sealed class UpdateMeasureValidator : AbstractValidator<UpdateMeasureCommand>
{
    public UpdateMeasureValidator() => RuleFor(c => c.Body).SetValidator(new MeasureFieldsValidator());
}

public sealed class UpdateMeasureHandler(DbSession session, ICaller caller) : IRequestHandler<UpdateMeasureCommand, SupportMeasureDto>
{
    private const string Update = """
        update support_measures set kind = @Kind, title_zh = @TitleZh, title_en = @TitleEn, description_zh = @DescriptionZh,
               description_en = @DescriptionEn, amount = @Amount, rate = @Rate, cap = @Cap, conditions = @Conditions::jsonb,
               version = version + 1
        where policy_id = @PolicyId and code = @Code
        """;

    public async Task<SupportMeasureDto> Handle(UpdateMeasureCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.PolicyId, forUpdate: true, cancellationToken);
        var version = await session.ExecuteScalarAsync<int?>("select version from support_measures where policy_id = @PolicyId and code = @Code",
            new { PolicyId = policy.Id, command.Code }, cancellationToken) ?? throw PolicyErrors.MeasureNotFound(command.PolicyId, command.Code);
        command.IfMatch.Check(version);
        var parameters = new DynamicParameters(await MeasureFieldsValidator.ColumnsAsync(session, command.Body, cancellationToken));
        parameters.AddDynamicParams(new { PolicyId = policy.Id, command.Code });
        if (await session.ExecuteAsync(Update, parameters, cancellationToken) == 0)
        {
            throw PolicyErrors.MeasureNotFound(command.PolicyId, command.Code);
        }
        return await MeasureQueries.ReadAsync(session, policy.Id, command.PolicyId, command.Code, cancellationToken);
    }
}

public sealed record DeleteMeasureCommand(string PolicyId, string Code, IfMatch? IfMatch) : ICommand<Unit>;

public sealed class DeleteMeasureHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteMeasureCommand, Unit>
{
    public async Task<Unit> Handle(DeleteMeasureCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.PolicyId, forUpdate: true, cancellationToken);
        var version = await session.ExecuteScalarAsync<int?>("select version from support_measures where policy_id = @PolicyId and code = @Code",
            new { PolicyId = policy.Id, command.Code }, cancellationToken) ?? throw PolicyErrors.MeasureNotFound(command.PolicyId, command.Code);
        command.IfMatch.Check(version);
        await session.ExecuteAsync("delete from support_measures where policy_id = @PolicyId and code = @Code", new { PolicyId = policy.Id, command.Code }, cancellationToken);
        return Unit.Value;
    }
}

public sealed record ListMeasuresQuery(string PolicyId) : IQuery<IReadOnlyList<SupportMeasureDto>>;

public sealed class ListMeasuresHandler(Npgsql.NpgsqlDataSource db) : IRequestHandler<ListMeasuresQuery, IReadOnlyList<SupportMeasureDto>>
{
    public async Task<IReadOnlyList<SupportMeasureDto>> Handle(ListMeasuresQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var policyId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from policies where code = @PolicyId", new { query.PolicyId }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.NotFound(query.PolicyId);
        var rows = await connection.QueryAsync<MeasureRow>(new CommandDefinition(
            MeasureRow.Select + "\nwhere m.policy_id = @policyId order by m.position", new { policyId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDto()).ToList();
    }
}

internal static class MeasureQueries
{
    public static async Task<SupportMeasureDto> ReadAsync(DbSession session, long policyId, string policyCode, string code, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<MeasureRow>(MeasureRow.Select + "\nwhere m.policy_id = @policyId and m.code = @code", new { policyId, code }, cancellationToken)
         ?? throw PolicyErrors.MeasureNotFound(policyCode, code)).ToDto();
}
