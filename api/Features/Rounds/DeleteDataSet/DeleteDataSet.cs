using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.DeleteDataSet;

public sealed record DeleteDataSetCommand(string Code, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>
/// Removes a data set no park has acted on. Once a round has a submission, the set is part of what was reported and
/// approved: it can be changed (its versions are in the audit log), not deleted (409).
/// </summary>
public sealed class DeleteDataSetHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteDataSetCommand, Unit>
{
    public async Task<Unit> Handle(DeleteDataSetCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var set = await DataSetRow.LoadAsync(session.Connection, session.Transaction, command.Code, cancellationToken, forUpdate: true);
        command.IfMatch.Check(set.Version);
        var rounds = await session.ExecuteScalarAsync<long>("""
            select (select count(*) from round_states where data_set_id = @Id) + (select count(*) from round_unlocks where data_set_id = @Id)
                 + (select count(*) from round_explanations where data_set_id = @Id)
            """, new { set.Id }, cancellationToken);
        if (rounds > 0)
        {
            throw RoundErrors.HasRounds(set.Code, rounds);
        }
        await session.ExecuteAsync("delete from data_sets where id = @Id", new { set.Id }, cancellationToken);
        return Unit.Value;
    }
}
