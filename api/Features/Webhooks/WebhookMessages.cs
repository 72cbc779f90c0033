using System.Text.Json;
using Gaoxin.Contracts.Webhooks;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>A message as sent, kept whole while it is retried: the same id, bytes and events on every attempt.</summary>
public sealed record OutgoingMessage(
    WebhookDeliveryKind Kind, string Id, string Body, string? FirstEventId, string? LastEventId, int Count,
    WebhookPosition Through, bool More, long? RedeliveryId);

/// <summary>Builds the bodies (<see cref="WebhookMessage"/>) and ids of messages, in the API's JSON.</summary>
public sealed class WebhookMessages(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly JsonSerializerOptions _options = json.Value.SerializerOptions;

    public OutgoingMessage Events(string webhookId, IReadOnlyList<FeedEvent> events, WebhookPosition through, bool more, long? redeliveryId, DateTimeOffset now)
    {
        var first = events[0].Event.Id;
        var last = events[^1].Event.Id;
        // Deterministic: a message rebuilt after a crash mid-send carries the id it had, and receivers see a duplicate, not news.
        var id = redeliveryId is { } r ? $"msg_{webhookId}-r{r}-{first}-{last}" : $"msg_{webhookId}-{first}-{last}";
        var body = Serialize("gaoxin.events", webhookId, redeliveryId is not null, events.Select(e => e.Event).ToList(), now);
        return new(redeliveryId is null ? WebhookDeliveryKind.Events : WebhookDeliveryKind.Redelivery, id, body, first, last, events.Count, through, more, redeliveryId);
    }

    public (string Id, string Body) Ping(string webhookId, DateTimeOffset now) =>
        ($"msg_{webhookId}-ping-{now.ToUnixTimeMilliseconds()}", Serialize("gaoxin.ping", webhookId, false, [], now));

    private string Serialize(string type, string webhookId, bool redelivery, IReadOnlyList<WebhookEvent> events, DateTimeOffset now) =>
        JsonSerializer.Serialize(new WebhookMessage
        {
            Type = type,
            Timestamp = now,
            Data = new WebhookMessageData { WebhookId = webhookId, Redelivery = redelivery, Events = events },
        }, _options);

    public string Store(OutgoingMessage message) => JsonSerializer.Serialize(message, StoreOptions);

    public static OutgoingMessage Restore(string stored) => JsonSerializer.Deserialize<OutgoingMessage>(stored, StoreOptions)!;

    private static readonly JsonSerializerOptions StoreOptions = new();
}
