using Dapper;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Policies.DeletePolicy;

public sealed record DeletePolicyCommand(string Id, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>Refused while other documents relate to it; its own relations, measures, parks and versions go with it.</summary>
public sealed class DeletePolicyHandler(DbSession session, ICaller caller) : IRequestHandler<DeletePolicyCommand, Unit>
{
    private const string Incoming = """
        select distinct p.code from policy_relations r join policies p on p.id = r.from_policy_id
        where r.to_policy_id = @Id order by p.code
        """;

    public async Task<Unit> Handle(DeletePolicyCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.Id, forUpdate: true, cancellationToken);
        command.IfMatch.Check(await session.ExecuteScalarAsync<int>("select version from policies where id = @Id", new { policy.Id }, cancellationToken));
        var others = (await session.Connection.QueryAsync<string>(new CommandDefinition(Incoming, new { policy.Id }, session.Transaction, cancellationToken: cancellationToken))).ToList();
        if (others.Count > 0)
        {
            throw PolicyErrors.HasRelations(command.Id, others);
        }
        await session.ExecuteAsync("""
            delete from policy_relations where from_policy_id = @Id;
            delete from policies where id = @Id;
            """, new { policy.Id }, cancellationToken);
        return Unit.Value;
    }
}
