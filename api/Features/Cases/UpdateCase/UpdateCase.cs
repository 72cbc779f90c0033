using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Cases;
using MediatR;

namespace Gaoxin.Api.Features.Cases.UpdateCase;

/// <summary>Replaces a case (a new action logged, a step done…); the body is the case as read. The same content writes nothing.</summary>
public sealed record UpdateCaseCommand(string Code, CaseFields Body, IfMatch? IfMatch) : ICommand<bool>;

public sealed class UpdateCaseValidator : AbstractValidator<UpdateCaseCommand>
{
    public UpdateCaseValidator() => RuleFor(c => c.Body).SetValidator(new CaseFieldsValidator());
}

public sealed class UpdateCaseHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<UpdateCaseCommand, bool>
{
    private const string Update = """
        update service_cases set park_id = @ParkId, state = @State, departments = @Departments, content = @Content::jsonb,
               illustrative = @Illustrative, version = version + 1, recorded_at = @RecordedAt, recorded_by = @RecordedBy
        where code = @Code
        """;

    public async Task<bool> Handle(UpdateCaseCommand command, CancellationToken cancellationToken)
    {
        var now = await session.QuerySingleOrDefaultAsync<CaseRow>(CaseRow.Select + "\nwhere c.code = @Code\nfor update of c", new { command.Code }, cancellationToken);
        // Outside the key's parks it does not exist, as reads have it: no 403 that would tell it does.
        if (now is null || !await caller.MaySeeParkAsync(session.Connection, session.Transaction, now.ParkId, cancellationToken))
        {
            throw CaseErrors.NotFound(command.Code);
        }
        command.IfMatch.Check(now.Version);
        var context = await CaseContext.LoadAsync(session.Connection, session.Transaction, cancellationToken);
        // A case read for another day (?on=) comes back counted for that day: compare it with the same count.
        var countedOn = command.Body is CaseDto { On: var on } && on != default ? on : clock.Today();
        ReadOnlyMembers.EnsureUnchanged(command.Body, () => context.ToDto(now, countedOn));

        var columns = await CaseWrites.ColumnsAsync(session, caller, command.Code, command.Body, cancellationToken);
        if (columns.Content == StoredCase.ToJson(now.Content))
        {
            return false;
        }
        await session.ExecuteAsync(Update, columns with { RecordedAt = clock.GetUtcNow() }, cancellationToken);
        return true;
    }
}
