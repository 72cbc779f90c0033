using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;
using Dapper;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.PingWebhook;

public sealed record PingWebhookCommand(string Id) : ICommand<WebhookDeliveryDto>;

/// <summary>
/// Sends a signed test message (type gaoxin.ping, no events) now, whatever the subscription's status, and answers with
/// the attempt as the delivery log records it: to check a receiver and its signature check before events flow.
/// </summary>
public sealed class PingWebhookHandler(DbSession session, ICaller caller, WebhookSender sender, WebhookSecrets secrets, WebhookMessages messages, TimeProvider clock)
    : IRequestHandler<PingWebhookCommand, WebhookDeliveryDto>
{
    public async Task<WebhookDeliveryDto> Handle(PingWebhookCommand command, CancellationToken cancellationToken)
    {
        var row = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, command.Id, forUpdate: false, cancellationToken)
            ?? throw WebhookErrors.NotFound(command.Id);
        var now = clock.GetUtcNow();
        var stored = await session.QuerySingleAsync<(byte[] Secret, byte[]? Previous)>(
            "select secret, previous_secret from webhooks where id = @Id", new { row.Id }, cancellationToken);
        var keys = secrets.SigningKeys(stored.Secret, stored.Previous, WebhookRow.Utc(row.PreviousSecretUntil), now);
        var (id, body) = messages.Ping(row.PublicId, now);
        var result = await sender.SendAsync(row.Url, id, body, keys, clock, cancellationToken);
        var logged = await WebhookDeliveryLog.RecordAsync(session, row.Id, WebhookDeliveryKind.Ping, id, null, null, 0, 1, result, now, null, cancellationToken);
        return (await session.Connection.QuerySingleAsync<WebhookDeliveryLog.Row>(new CommandDefinition(
            $"select {WebhookDeliveryLog.Row.Columns} from webhook_deliveries where id = @logged", new { logged }, session.Transaction, cancellationToken: cancellationToken))).ToDto();
    }
}
