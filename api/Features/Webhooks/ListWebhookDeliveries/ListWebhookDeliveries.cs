using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Webhooks.ListWebhooks;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Webhooks;
using MediatR;
using System.Globalization;

namespace Gaoxin.Api.Features.Webhooks.ListWebhookDeliveries;

public sealed record ListWebhookDeliveriesQuery(string Id, string? Cursor, int Limit) : IQuery<WebhookDeliveryPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => ListWebhooksQuery.TryDecode(cursor, out _));
    }
}

/// <summary>Every attempt for a subscription, newest first: status, answer, latency, attempt number and the next try.</summary>
public sealed class ListWebhookDeliveriesHandler(ReadDatabase db, ICaller caller) : IRequestHandler<ListWebhookDeliveriesQuery, WebhookDeliveryPage>
{
    public async Task<WebhookDeliveryPage> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken)
    {
        ListWebhooksQuery.TryDecode(query.Cursor, out var beforeId);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var webhook = await WebhookRow.FindAsync(connection, null, caller, query.Id, forUpdate: false, cancellationToken) ?? throw WebhookErrors.NotFound(query.Id);
        var rows = (await connection.QueryAsync<WebhookDeliveryLog.Row>(new CommandDefinition($"""
            select {WebhookDeliveryLog.Row.Columns} from webhook_deliveries
            where webhook_id = @Id and (@beforeId = 0 or id < @beforeId)
            order by id desc
            limit @take
            """, new { webhook.Id, beforeId, take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        var page = rows.Take(query.Limit).ToList();
        return new WebhookDeliveryPage
        {
            Items = page.Select(r => r.ToDto()).ToList(),
            NextCursor = rows.Count > query.Limit ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
