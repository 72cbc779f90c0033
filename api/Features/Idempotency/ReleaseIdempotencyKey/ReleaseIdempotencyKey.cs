using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Idempotency.ReleaseIdempotencyKey;

/// <summary>Frees the key of a request that failed (nothing was written), so the client can simply retry.</summary>
public sealed record ReleaseIdempotencyKeyCommand(string Key) : ICommand<Unit>;

public sealed class ReleaseIdempotencyKeyHandler(DbSession session, ICaller caller) : IRequestHandler<ReleaseIdempotencyKeyCommand, Unit>
{
    public async Task<Unit> Handle(ReleaseIdempotencyKeyCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("delete from idempotency_keys where caller = @Caller and key = @Key and response_status is null",
            new { Caller = caller.Name, command.Key }, cancellationToken);
        return Unit.Value;
    }
}
