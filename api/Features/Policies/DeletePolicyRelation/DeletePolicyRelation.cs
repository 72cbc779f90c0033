using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Policies.DeletePolicyRelation;

public sealed record DeletePolicyRelationCommand(string Id, long RelationId) : ICommand<Unit>;

public sealed class DeletePolicyRelationHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<DeletePolicyRelationCommand, Unit>
{
    public async Task<Unit> Handle(DeletePolicyRelationCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.Id, forUpdate: false, cancellationToken);
        var target = await session.ExecuteScalarAsync<long?>("delete from policy_relations where id = @RelationId and from_policy_id = @PolicyId returning to_policy_id",
            new { command.RelationId, PolicyId = policy.Id }, cancellationToken) ?? throw PolicyErrors.RelationNotFound(command.Id, command.RelationId);
        await PolicyWrites.RecordNewVersionAsync(session, [policy.Id, target], clock.GetUtcNow(), caller.DisplayName, cancellationToken);
        return Unit.Value;
    }
}
