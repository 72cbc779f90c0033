using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Cases;
using MediatR;

namespace Gaoxin.Api.Features.Cases.CreateCase;

public sealed record CreateCaseCommand(CreateCaseRequest Body) : ICommand<string>;

public sealed class CreateCaseValidator : AbstractValidator<CreateCaseCommand>
{
    public CreateCaseValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new CaseFieldsValidator());
    }
}

public sealed class CreateCaseHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<CreateCaseCommand, string>
{
    private const string Insert = """
        insert into service_cases (code, park_id, state, departments, content, illustrative, recorded_at, recorded_by)
        values (@Code, @ParkId, @State, @Departments, @Content::jsonb, @Illustrative, @RecordedAt, @RecordedBy)
        on conflict (code) do nothing
        """;

    public async Task<string> Handle(CreateCaseCommand command, CancellationToken cancellationToken)
    {
        var columns = await CaseWrites.ColumnsAsync(session, caller, command.Body.Code, command.Body, cancellationToken);
        if (await session.ExecuteAsync(Insert, columns with { RecordedAt = clock.GetUtcNow() }, cancellationToken) == 0)
        {
            throw CaseErrors.CodeTaken(command.Body.Code);
        }
        return command.Body.Code;
    }
}
