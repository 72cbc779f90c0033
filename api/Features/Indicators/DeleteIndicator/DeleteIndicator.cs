using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Indicators.DeleteIndicator;

public sealed record DeleteIndicatorCommand(string Code, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>
/// Refused while observations exist, and refused for good once any figure was recorded: the history of the zone's
/// figures is kept, and it must stay readable by the indicator's code.
/// </summary>
public sealed class DeleteIndicatorHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteIndicatorCommand, Unit>
{
    public async Task<Unit> Handle(DeleteIndicatorCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var indicator = await IndicatorWrites.FindAsync(session, command.Code, forUpdate: true, cancellationToken);
        command.IfMatch.Check(indicator.Version);
        var observations = await session.ExecuteScalarAsync<long>("select count(*) from observations where indicator_id = @Id", new { indicator.Id }, cancellationToken);
        if (observations > 0)
        {
            throw IndicatorErrors.HasObservations(command.Code, observations);
        }
        var revisions = await session.ExecuteScalarAsync<long>("select count(*) from observation_revisions where indicator_id = @Id", new { indicator.Id }, cancellationToken);
        if (revisions > 0)
        {
            throw IndicatorErrors.HasHistory(command.Code, revisions);
        }
        await session.ExecuteAsync("delete from indicators where id = @Id", new { indicator.Id }, cancellationToken);
        return Unit.Value;
    }
}
