using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.RedeliverWebhookEvents;

public sealed record RedeliverWebhookEventsCommand(string Id, RedeliverWebhookEventsRequest Body) : ICommand<WebhookRedeliveryDto>;

public sealed class RedeliverWebhookEventsValidator : AbstractValidator<RedeliverWebhookEventsCommand>
{
    public RedeliverWebhookEventsValidator()
    {
        RuleFor(c => c.Body.FromEventId).Must(BeEventId).OverridePropertyName("fromEventId").WithMessage(_ => Message);
        RuleFor(c => c.Body.ToEventId!).Must(BeEventId).When(c => c.Body.ToEventId is not null).OverridePropertyName("toEventId").WithMessage(_ => Message);
    }

    private static string Message => Lang.Pick("事件 id 形如 chg_123 或 mat_45（见投递的消息）。", "An event id looks like chg_123 or mat_45 (as delivered).");

    private static bool BeEventId(string? id) => id is not null && WebhookPosition.TryParseEventId(id, out _, out _);
}

/// <summary>
/// Queues one event, or a range of the feed, to be sent again to this subscription (marked as a redelivery, with the
/// events' own ids, which receivers already know). The dispatcher serves it before new events, one message at a time,
/// with the subscription's filter; the answer says when it is done (getWebhook's delivery log shows each message).
/// </summary>
public sealed class RedeliverWebhookEventsHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<RedeliverWebhookEventsCommand, WebhookRedeliveryDto>
{
    public async Task<WebhookRedeliveryDto> Handle(RedeliverWebhookEventsCommand command, CancellationToken cancellationToken)
    {
        var webhook = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, command.Id, forUpdate: false, cancellationToken)
            ?? throw WebhookErrors.NotFound(command.Id);
        var fromId = command.Body.FromEventId;
        var toId = command.Body.ToEventId ?? fromId;
        var first = await PositionOfAsync(fromId, cancellationToken);
        var to = await PositionOfAsync(toId, cancellationToken);
        if (to < first)
        {
            throw new ApiException(Problems.RequestValidationFailed, new("toEventId 须不早于 fromEventId。", "toEventId must not come before fromEventId."));
        }
        // Stored as "sent through": just before the first event.
        var before = first with { Id = first.Id - 1 };
        var now = clock.GetUtcNow();
        var id = await session.QuerySingleAsync<long>("""
            insert into webhook_redeliveries (webhook_id, from_event_id, to_event_id, next_batch, next_stream, next_id, to_batch, to_stream, to_id, requested_by, requested_at)
            values (@webhookId, @fromEventId, @toEventId, @NextBatch, @NextStream, @NextId, @ToBatch, @ToStream, @ToId, @requestedBy, @now)
            returning id
            """, new
            {
                webhookId = webhook.Id, fromEventId = fromId, toEventId = toId, NextBatch = before.Batch, NextStream = before.Stream, NextId = before.Id,
                ToBatch = to.Batch, ToStream = to.Stream, ToId = to.Id, requestedBy = caller.Name, now,
            }, cancellationToken);
        await session.ExecuteAsync(WebhookWrites.Wake, null, cancellationToken);
        return new WebhookRedeliveryDto { Id = id, FromEventId = fromId, ToEventId = toId, RequestedAt = now };
    }

    private async Task<WebhookPosition> PositionOfAsync(string eventId, CancellationToken cancellationToken)
    {
        WebhookPosition.TryParseEventId(eventId, out var stream, out var id);
        var batch = await session.ExecuteScalarAsync<long?>(stream == WebhookPosition.Changes
            ? "select b.seq from changes c join change_batches b on b.txid = c.txid where c.id = @id"
            : "select b.seq from match_events e join change_batches b on b.txid = e.txid where e.id = @id", new { id }, cancellationToken);
        return batch is { } found ? new WebhookPosition(found, stream, id) : throw WebhookErrors.EventNotFound(eventId);
    }
}
