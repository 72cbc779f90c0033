using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Cases.DeleteCase;

public sealed record DeleteCaseCommand(string Code, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>Removes a case entered by mistake; the audit log keeps what it held.</summary>
public sealed class DeleteCaseHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteCaseCommand, Unit>
{
    public async Task<Unit> Handle(DeleteCaseCommand command, CancellationToken cancellationToken)
    {
        var now = await session.QuerySingleOrDefaultAsync<(int Version, long ParkId)?>("select version, park_id from service_cases where code = @Code for update",
            new { command.Code }, cancellationToken);
        if (now is not { } found || !await caller.MaySeeParkAsync(session.Connection, session.Transaction, found.ParkId, cancellationToken))
        {
            throw CaseErrors.NotFound(command.Code);
        }
        command.IfMatch.Check(found.Version);
        await session.ExecuteAsync("delete from service_cases where code = @Code", new { command.Code }, cancellationToken);
        return Unit.Value;
    }
}
