using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using MediatR;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Features.Webhooks.PruneWebhookDeliveries;

/// <summary>Forget delivery attempts and finished redeliveries older than Webhooks:LogDays. Answers how many went.</summary>
public sealed record PruneWebhookDeliveriesCommand : ICommand<int>;

/// <summary>
/// The delivery log is for finding out why a receiver failed, not an archive: a busy subscription writes a row per
/// message (2,000 for a 100,000-row import to 10 subscribers), so without this it would grow for ever. The events
/// themselves stay in the feed, and can be redelivered whatever the log still holds.
/// </summary>
public sealed class PruneWebhookDeliveriesHandler(DbSession session, IOptions<WebhookSettings> settings, TimeProvider clock)
    : IRequestHandler<PruneWebhookDeliveriesCommand, int>
{
    public async Task<int> Handle(PruneWebhookDeliveriesCommand command, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow().AddDays(-settings.Value.LogDays);
        return await session.ExecuteAsync("""
            delete from webhook_deliveries where attempted_at < @before;
            delete from webhook_redeliveries where completed_at < @before;
            """, new { before }, cancellationToken);
    }
}
