using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Policies.DeleteMeasure;

public sealed record DeleteMeasureCommand(string PolicyId, string Code, IfMatch? IfMatch) : ICommand<Unit>;

public sealed class DeleteMeasureHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<DeleteMeasureCommand, Unit>
{
    public async Task<Unit> Handle(DeleteMeasureCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.PolicyId, forUpdate: true, cancellationToken);
        var version = await session.ExecuteScalarAsync<int?>("select version from support_measures where policy_id = @PolicyId and code = @Code",
            new { PolicyId = policy.Id, command.Code }, cancellationToken) ?? throw PolicyErrors.MeasureNotFound(command.PolicyId, command.Code);
        command.IfMatch.Check(version);
        await session.ExecuteAsync("delete from support_measures where policy_id = @PolicyId and code = @Code", new { PolicyId = policy.Id, command.Code }, cancellationToken);
        await PolicyWrites.RecordNewVersionAsync(session, [policy.Id], clock.GetUtcNow(), caller.DisplayName, cancellationToken);
        return Unit.Value;
    }
}
