using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Webhooks;
using MediatR;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Features.Webhooks.DeliverWebhooks;

/// <summary>Serve one due subscription: one message sent (or a stretch of unwanted events skipped). True when there was work.</summary>
public sealed record DeliverWebhooksCommand : ICommand<bool>;

/// <summary>
/// The dispatcher's one step, in one transaction: claim a due subscription (FOR UPDATE SKIP LOCKED, so every API
/// process may run this at once and none serves a subscription another is serving), send its next message while
/// holding the claim, then record the attempt and move its place in the feed, or schedule the retry. A crash before
/// commit leaves the place where it was: the same message is sent again (at least once; ids make it exactly once to a
/// receiver that drops duplicates).
/// </summary>
public sealed class DeliverWebhooksHandler(DbSession session, WebhookSender sender, WebhookSecrets secrets, WebhookMessages messages,
    IOptions<WebhookSettings> settings, TimeProvider clock) : IRequestHandler<DeliverWebhooksCommand, bool>
{
    /// <summary>How many feed rows one step reads at most, wanted or not: twice a full message, so that a message
    /// fills when most events are wanted, and a stretch of unwanted ones is passed at this pace.</summary>
    private int Scan => 2 * settings.Value.MaxEventsPerMessage;

    public const string Actor = "system:webhooks";

    private const string Claim = """
        select w.id, w.public_id, w.url, w.event_types, w.park_id, w.secret, w.previous_secret, w.previous_secret_until,
               w.after_batch, w.after_stream, w.after_id, w.pending::text as pending, w.attempt, w.failing_since,
               k.revoked_at is not null as key_revoked,
               ('enterprises' = any(k.scopes) or 'admin' = any(k.scopes)) as sees_enterprises,
               (select r.id from webhook_redeliveries r where r.webhook_id = w.id and r.completed_at is null order by r.id limit 1) as redelivery_id
        from webhooks w
        join api_keys k on k.id = w.owner_key_id
        where w.status = 'active' and w.next_attempt_at <= @now
          and (w.pending is not null or w.more or k.revoked_at is not null
               or exists (select 1 from webhook_redeliveries r where r.webhook_id = w.id and r.completed_at is null)
               or w.after_batch < (select coalesce(max(seq), 0) from change_batches))
        order by w.next_attempt_at, w.id
        limit 1
        for update of w skip locked
        """;

    private sealed class Due
    {
        public long Id { get; init; }
        public string PublicId { get; init; } = "";
        public string Url { get; init; } = "";
        public string[] EventTypes { get; init; } = [];
        public long? ParkId { get; init; }
        public byte[] Secret { get; init; } = [];
        public byte[]? PreviousSecret { get; init; }
        public DateTime? PreviousSecretUntil { get; init; }
        public long AfterBatch { get; init; }
        public short AfterStream { get; init; }
        public long AfterId { get; init; }
        public string? Pending { get; init; }
        public int Attempt { get; init; }
        public DateTime? FailingSince { get; init; }
        public bool KeyRevoked { get; init; }
        public bool SeesEnterprises { get; init; }
        public long? RedeliveryId { get; init; }

        public WebhookPosition After => new(AfterBatch, AfterStream, AfterId);
        public WebhookFilter Filter => new(EventTypes, ParkId, SeesEnterprises);
    }

    public async Task<bool> Handle(DeliverWebhooksCommand command, CancellationToken cancellationToken)
    {
        await session.SetActorAsync(Actor, "system", cancellationToken);
        var now = clock.GetUtcNow();
        var due = await session.QuerySingleOrDefaultAsync<Due>(Claim, new { now }, cancellationToken);
        if (due is null)
        {
            return false;
        }
        if (due.KeyRevoked)
        {
            await DisableAsync(due.Id, WebhookDisabledReason.KeyRevoked, now, pending: due.Pending, cancellationToken);
            return true;
        }

        var message = due.Pending is { } stored ? WebhookMessages.Restore(stored) : await NextMessageAsync(due, now, cancellationToken);
        if (message is null)
        {
            return true; // only unwanted events were read, and the place moved past them
        }

        var keys = secrets.SigningKeys(due.Secret, due.PreviousSecret, WebhookRow.Utc(due.PreviousSecretUntil), now);
        var result = await sender.SendAsync(due.Url, message.Id, message.Body, keys, clock, cancellationToken);
        var attempt = due.Attempt + 1;
        var settled = clock.GetUtcNow();
        var failingSince = WebhookRow.Utc(due.FailingSince) ?? now;
        var retries = settings.Value.Retries;
        // Succeeded, given up, or tried again at `next`: the log row says which, and the subscription follows.
        DateTimeOffset? next = result.Succeeded || retries.GivesUp(failingSince, settled)
            ? null
            : settled + retries.DelayAfter(attempt, Random.Shared.NextDouble(), result.RetryAfter);
        await WebhookDeliveryLog.RecordAsync(session, due.Id, message.Kind, message.Id, message.FirstEventId, message.LastEventId, message.Count,
            attempt, result, now, next, cancellationToken);
        if (result.Succeeded)
        {
            await SettleAsync(due.Id, message, settled, cancellationToken);
        }
        else if (next is null)
        {
            await DisableAsync(due.Id, WebhookDisabledReason.RetriesExhausted, settled, messages.Store(message), cancellationToken);
        }
        else
        {
            await session.ExecuteAsync("""
                update webhooks set pending = @pending::jsonb, attempt = @attempt, failing_since = @failingSince, next_attempt_at = @next where id = @Id
                """, new { due.Id, pending = messages.Store(message), attempt, failingSince, next }, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// The next message: a requested redelivery's next stretch first, else the next new events. Null when the stretch
    /// read held nothing the subscription wants (its place, or the redelivery's, has moved past it).
    /// </summary>
    private async Task<OutgoingMessage?> NextMessageAsync(Due due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var max = settings.Value.MaxEventsPerMessage;
        if (due.RedeliveryId is { } redeliveryId)
        {
            var range = await session.QuerySingleAsync<(long NextBatch, short NextStream, long NextId, long ToBatch, short ToStream, long ToId)>(
                "select next_batch, next_stream, next_id, to_batch, to_stream, to_id from webhook_redeliveries where id = @redeliveryId", new { redeliveryId }, cancellationToken);
            var from = new WebhookPosition(range.NextBatch, range.NextStream, range.NextId);
            var to = new WebhookPosition(range.ToBatch, range.ToStream, range.ToId);
            var window = await WebhookFeed.ReadAsync(session.Connection, session.Transaction, from, to, due.Filter, Scan, cancellationToken);
            var (events, through, more) = WebhookFeed.Take(window, from, max, Scan);
            if (events.Count == 0)
            {
                await AdvanceRedeliveryAsync(redeliveryId, more ? through : to, done: !more, now, cancellationToken);
                return null;
            }
            return messages.Events(due.PublicId, events, more ? through : to, more, redeliveryId, now);
        }

        var live = await WebhookFeed.ReadAsync(session.Connection, session.Transaction, due.After, WebhookPosition.Last, due.Filter, Scan, cancellationToken);
        var (wanted, reached, hasMore) = WebhookFeed.Take(live, due.After, max, Scan);
        if (wanted.Count == 0)
        {
            if (live.Count == 0)
            {
                // Nothing after the place although batches follow it (their rows were removed): stand at the feed's end.
                reached = WebhookPosition.EndOf(await session.QuerySingleAsync<long>("select coalesce(max(seq), 0) from change_batches", null, cancellationToken));
            }
            await session.ExecuteAsync("""
                update webhooks set after_batch = @Batch, after_stream = @Stream, after_id = @Id, more = @hasMore, next_attempt_at = @now where id = @webhookId
                """, new { reached.Batch, reached.Stream, reached.Id, hasMore, now, webhookId = due.Id }, cancellationToken);
            return null;
        }
        return messages.Events(due.PublicId, wanted, reached, hasMore, null, now);
    }

    private async Task SettleAsync(long webhookId, OutgoingMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (message.RedeliveryId is { } redeliveryId)
        {
            await AdvanceRedeliveryAsync(redeliveryId, message.Through, done: !message.More, now, cancellationToken);
        }

        // One update: the place moves (unless this was a redelivery), and the failure state, if any, is over.
        var live = message.RedeliveryId is null;
        await session.ExecuteAsync("""
            update webhooks set
                after_batch = case when @live then @Batch else after_batch end,
                after_stream = case when @live then @Stream else after_stream end,
                after_id = case when @live then @Id else after_id end,
                more = case when @live then @More else more end,
                last_delivered_at = @now, pending = null, attempt = 0, failing_since = null, next_attempt_at = @now
            where id = @webhookId
            """, new { live, message.Through.Batch, message.Through.Stream, message.Through.Id, message.More, now, webhookId }, cancellationToken);
    }

    private Task AdvanceRedeliveryAsync(long redeliveryId, WebhookPosition through, bool done, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            update webhook_redeliveries set next_batch = @Batch, next_stream = @Stream, next_id = @Id,
                completed_at = case when @done then @now end
            where id = @redeliveryId
            """, new { through.Batch, through.Stream, through.Id, done, now, redeliveryId }, cancellationToken);

    /// <summary>Stops delivery (audited as system:webhooks, the admin's notice); undelivered events and a failed message wait.</summary>
    private Task DisableAsync(long webhookId, WebhookDisabledReason reason, DateTimeOffset now, string? pending, CancellationToken cancellationToken) =>
        session.ExecuteAsync("""
            update webhooks set status = 'disabled', disabled_reason = @reason, disabled_at = @now, pending = @pending::jsonb,
                version = version + 1, updated_at = @now
            where id = @webhookId
            """, new { webhookId, reason = reason.ToDb(), now, pending }, cancellationToken);
}
