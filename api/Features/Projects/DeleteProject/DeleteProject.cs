using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Projects.DeleteProject;

public sealed record DeleteProjectCommand(string Code, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>
/// Removes a project nothing depends on; its versions stay, so what was recorded stays readable with asOf. One that
/// others depend on (or that has phases) is refused with 409 naming them: deleting it would leave them waiting on nothing.
/// </summary>
public sealed class DeleteProjectHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteProjectCommand, Unit>
{
    public async Task<Unit> Handle(DeleteProjectCommand command, CancellationToken cancellationToken)
    {
        await ProjectWrites.LockGraphAsync(session, cancellationToken);
        var now = await session.QuerySingleOrDefaultAsync<(int Version, long? ParkId, string? ParkCode)?>(
            "select p.version, p.park_id, k.code from projects p left join parks k on k.id = p.park_id where p.code = @Code for update of p",
            new { command.Code }, cancellationToken) ?? throw ProjectErrors.NotFound(command.Code);
        command.IfMatch.Check(now.Version);
        await ProjectWrites.EnsureMayWriteAsync(session, caller, now.ParkId, now.ParkCode, cancellationToken);
        var dependents = ProjectWrites.Dependents(command.Code, await ProjectWrites.AllAsync(session, cancellationToken));
        if (dependents.Count > 0)
        {
            throw ProjectErrors.HasDependents(command.Code, dependents);
        }
        await session.ExecuteAsync("delete from projects where code = @Code", new { command.Code }, cancellationToken);
        return Unit.Value;
    }
}
