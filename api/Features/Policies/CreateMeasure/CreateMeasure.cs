using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.CreateMeasure;

public sealed record CreateMeasureCommand(string PolicyId, CreateMeasureRequest Body) : ICommand<SupportMeasureDto>;

public sealed class CreateMeasureValidator : AbstractValidator<CreateMeasureCommand>
{
    public CreateMeasureValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new MeasureFieldsValidator());
    }
}

public sealed class CreateMeasureHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<CreateMeasureCommand, SupportMeasureDto>
{
    private const string Insert = """
        insert into support_measures (policy_id, code, position, kind, title_zh, title_en, description_zh, description_en, amount, rate, cap, conditions, grant_without_application)
        values (@PolicyId, @Code, (select coalesce(max(position), 0) + 1 from support_measures where policy_id = @PolicyId),
                @Kind, @TitleZh, @TitleEn, @DescriptionZh, @DescriptionEn, @Amount, @Rate, @Cap, @Conditions::jsonb, @GrantWithoutApplication)
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
        await PolicyWrites.RecordNewVersionAsync(session, [policy.Id], clock.GetUtcNow(), caller.DisplayName, cancellationToken);
        return await MeasureQueries.ReadAsync(session, policy.Id, command.PolicyId, command.Body.Code, cancellationToken);
    }
}
