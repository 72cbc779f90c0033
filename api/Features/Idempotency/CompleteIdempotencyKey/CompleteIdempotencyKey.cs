using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Idempotency.CompleteIdempotencyKey;

/// <summary>Stores the answer of a request that finished, for replays.</summary>
public sealed record CompleteIdempotencyKeyCommand(string Key, int Status, string Body, string ContentType, string? Location, string? ETag) : ICommand<Unit>;

public sealed class CompleteIdempotencyKeyHandler(DbSession session, ICaller caller) : IRequestHandler<CompleteIdempotencyKeyCommand, Unit>
{
    public async Task<Unit> Handle(CompleteIdempotencyKeyCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("""
            update idempotency_keys set response_status = @Status, response_body = @Body, content_type = @ContentType,
                   location = @Location, etag = @ETag, lease_until = null
            where caller = @Caller and key = @Key
            """, new { Caller = caller.Name, command.Key, command.Status, command.Body, command.ContentType, command.Location, command.ETag }, cancellationToken);
        return Unit.Value;
    }
}
