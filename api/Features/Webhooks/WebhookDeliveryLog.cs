using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Contracts.Webhooks;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>The delivery log: one row per attempt, written by whoever made it.</summary>
public static class WebhookDeliveryLog
{
    public static Task<long> RecordAsync(DbSession session, long webhookId, WebhookDeliveryKind kind, string messageId, string? first, string? last, int count,
        int attempt, SendResult result, DateTimeOffset at, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>("""
            insert into webhook_deliveries (webhook_id, message_id, kind, first_event_id, last_event_id, event_count, attempt, outcome,
                                            response_status, error, response_excerpt, latency_ms, attempted_at, next_attempt_at)
            values (@webhookId, @messageId, @kind, @first, @last, @count, @attempt, @outcome,
                    @Status, @Error, @Excerpt, @LatencyMs, @at, @nextAttemptAt)
            returning id
            """, new
            {
                webhookId, messageId, kind = kind.ToDb(), first, last, count, attempt,
                outcome = (result.Succeeded ? WebhookDeliveryOutcome.Succeeded : WebhookDeliveryOutcome.Failed).ToDb(),
                result.Status, result.Error, Excerpt = Clean(result.Excerpt), result.LatencyMs, at, nextAttemptAt,
            }, cancellationToken);

    /// <summary>PostgreSQL text holds no NUL characters; a receiver's answer may.</summary>
    private static string? Clean(string? text) => text?.Replace("\0", "", StringComparison.Ordinal);

    public sealed class Row
    {
        public const string Columns = """
            id, message_id, kind, first_event_id, last_event_id, event_count, attempt, outcome, response_status, error,
            response_excerpt, latency_ms, attempted_at, next_attempt_at
            """;

        public long Id { get; init; }
        public string MessageId { get; init; } = "";
        public WebhookDeliveryKind Kind { get; init; }
        public string? FirstEventId { get; init; }
        public string? LastEventId { get; init; }
        public int EventCount { get; init; }
        public int Attempt { get; init; }
        public WebhookDeliveryOutcome Outcome { get; init; }
        public int? ResponseStatus { get; init; }
        public string? Error { get; init; }
        public string? ResponseExcerpt { get; init; }
        public int LatencyMs { get; init; }
        public DateTime AttemptedAt { get; init; }
        public DateTime? NextAttemptAt { get; init; }

        public WebhookDeliveryDto ToDto() => new()
        {
            Id = Id, MessageId = MessageId, Kind = Kind, FirstEventId = FirstEventId, LastEventId = LastEventId, EventCount = EventCount,
            Attempt = Attempt, Outcome = Outcome, ResponseStatus = ResponseStatus, Error = Error, ResponseExcerpt = ResponseExcerpt,
            LatencyMs = LatencyMs, AttemptedAt = WebhookRow.Utc(AttemptedAt)!.Value, NextAttemptAt = WebhookRow.Utc(NextAttemptAt),
        };
    }
}
