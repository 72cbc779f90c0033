using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Enterprises;
using MediatR;

namespace Gaoxin.Api.Features.Enterprises.CreateEnterprise;

/// <summary>Returns the new enterprise's code; the endpoint reads it back once committed (its recordedAt is the commit's).</summary>
public sealed record CreateEnterpriseCommand(CreateEnterpriseRequest Body) : ICommand<string>;

public sealed class CreateEnterpriseValidator : AbstractValidator<CreateEnterpriseCommand>
{
    public CreateEnterpriseValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new EnterpriseFieldsValidator());
    }
}

public sealed class CreateEnterpriseHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<CreateEnterpriseCommand, string>
{
    private const string Insert = """
        insert into enterprises (code, credit_code, name_zh, name_en, park_id, industries, qualifications, content, illustrative, recorded_at, recorded_by)
        values (@Code, @CreditCode, @NameZh, @NameEn, @ParkId, @Industries, @Qualifications, @Content::jsonb, @Illustrative, @RecordedAt, @RecordedBy)
        on conflict (code) do nothing
        """;

    public async Task<string> Handle(CreateEnterpriseCommand command, CancellationToken cancellationToken)
    {
        var columns = await EnterpriseWrites.ColumnsAsync(session, caller, command.Body.Code, command.Body, [], cancellationToken);
        if (await session.ExecuteAsync(Insert, columns with { RecordedAt = clock.GetUtcNow() }, cancellationToken) == 0)
        {
            throw EnterpriseErrors.CodeTaken(command.Body.Code);
        }
        return command.Body.Code;
    }
}
