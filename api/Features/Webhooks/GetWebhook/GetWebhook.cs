using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.GetWebhook;

public sealed record GetWebhookQuery(string Id) : IQuery<WebhookDto>;

public sealed class GetWebhookHandler(ReadDatabase db, ICaller caller, TimeProvider clock) : IRequestHandler<GetWebhookQuery, WebhookDto>
{
    public async Task<WebhookDto> Handle(GetWebhookQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await WebhookRow.FindAsync(connection, null, caller, query.Id, forUpdate: false, cancellationToken) ?? throw WebhookErrors.NotFound(query.Id);
        return row.ToDto(clock.GetUtcNow());
    }
}
