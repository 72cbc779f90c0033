using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Enterprises.DeleteEnterprise;

public sealed record DeleteEnterpriseCommand(string Code, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>Removes an enterprise; its versions stay, so what was recorded stays readable with asOf.</summary>
public sealed class DeleteEnterpriseHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteEnterpriseCommand, Unit>
{
    public async Task<Unit> Handle(DeleteEnterpriseCommand command, CancellationToken cancellationToken)
    {
        var now = await session.QuerySingleOrDefaultAsync<(int Version, long? ParkId)?>("select version, park_id from enterprises where code = @Code for update",
            new { command.Code }, cancellationToken);
        if (now is not { } found || !await EnterpriseAccess.MaySeeAsync(session.Connection, session.Transaction, caller, found.ParkId, cancellationToken))
        {
            throw EnterpriseErrors.NotFound(command.Code);
        }
        command.IfMatch.Check(found.Version);
        await session.ExecuteAsync("delete from enterprises where code = @Code", new { command.Code }, cancellationToken);
        return Unit.Value;
    }
}
