using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.UpdateMeasure;

/// <summary>Replaces a measure's content. The body is the measure as read (a <see cref="SupportMeasureDto"/>) or just its fields.</summary>
public sealed record UpdateMeasureCommand(string PolicyId, string Code, MeasureFields Body, IfMatch? IfMatch) : ICommand<SupportMeasureDto>;

public sealed class UpdateMeasureValidator : AbstractValidator<UpdateMeasureCommand>
{
    public UpdateMeasureValidator() => RuleFor(c => c.Body).SetValidator(new MeasureFieldsValidator());
}

public sealed class UpdateMeasureHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<UpdateMeasureCommand, SupportMeasureDto>
{
    private const string Update = """
        update support_measures set kind = @Kind, title_zh = @TitleZh, title_en = @TitleEn, description_zh = @DescriptionZh,
               description_en = @DescriptionEn, amount = @Amount, rate = @Rate, cap = @Cap, conditions = @Conditions::jsonb,
               grant_without_application = @GrantWithoutApplication,
               version = version + 1
        where policy_id = @PolicyId and code = @Code
        """;

    public async Task<SupportMeasureDto> Handle(UpdateMeasureCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.PolicyId, forUpdate: true, cancellationToken);
        var now = await MeasureQueries.ReadRowAsync(session, policy.Id, command.PolicyId, command.Code, cancellationToken);
        command.IfMatch.Check(now.Version);
        ReadOnlyMembers.EnsureUnchanged(command.Body, now.ToDto);
        var parameters = new DynamicParameters(await MeasureFieldsValidator.ColumnsAsync(session, command.Body, cancellationToken));
        parameters.AddDynamicParams(new { PolicyId = policy.Id, command.Code });
        if (await session.ExecuteAsync(Update, parameters, cancellationToken) == 0)
        {
            throw PolicyErrors.MeasureNotFound(command.PolicyId, command.Code);
        }
        await PolicyWrites.RecordNewVersionAsync(session, [policy.Id], clock.GetUtcNow(), caller.DisplayName, cancellationToken);
        return await MeasureQueries.ReadAsync(session, policy.Id, command.PolicyId, command.Code, cancellationToken);
    }
}
