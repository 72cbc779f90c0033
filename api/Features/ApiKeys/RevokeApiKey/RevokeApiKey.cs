using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.ApiKeys.RevokeApiKey;

public sealed record RevokeApiKeyCommand(string Name) : ICommand<Unit>;

/// <summary>Revokes a key the caller could have created itself; the audit log records who revoked it.</summary>
public sealed class RevokeApiKeyHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    private sealed class Target
    {
        public long Id { get; init; }
        public string[] Scopes { get; init; } = [];
        public long? ParkId { get; init; }
    }

    public async Task<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var target = await session.QuerySingleOrDefaultAsync<Target>(
            "select id, scopes, park_id from api_keys where name = @Name and revoked_at is null for update", new { command.Name }, cancellationToken)
            ?? throw new ApiException(Problems.ApiKeyNotFound,
                new Text($"没有名为“{command.Name}”的有效密钥。", $"There is no active key named '{command.Name}'."), new Dictionary<string, object?> { ["name"] = command.Name });
        await caller.EnsureNoStrongerAsync(session, command.Name, target.Scopes, target.ParkId, cancellationToken);
        await session.ExecuteAsync("update api_keys set revoked_at = @now where id = @Id", new { target.Id, now = clock.GetUtcNow() }, cancellationToken);
        return Unit.Value;
    }
}
