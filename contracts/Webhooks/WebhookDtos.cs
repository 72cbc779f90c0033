using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Enterprises;

namespace Gaoxin.Contracts.Webhooks;

/// <summary>Whether a subscription is delivered to. 订阅状态。</summary>
public enum WebhookStatus
{
    /// <summary>Delivered to. 投递中</summary>
    Active,

    /// <summary>Paused by its owner: events wait, nothing is lost. 已暂停</summary>
    Paused,

    /// <summary>Stopped by the platform (see disabledReason): events wait; set active again to resume. 已停用</summary>
    Disabled,
}

/// <summary>Why the platform stopped delivering. 停用原因。</summary>
public enum WebhookDisabledReason
{
    /// <summary>The receiver failed every attempt over the retry period. 重试期内全部失败</summary>
    RetriesExhausted,

    /// <summary>The key that created the subscription was revoked. 创建订阅的密钥已吊销</summary>
    KeyRevoked,
}

/// <summary>The fields of a subscription a client chooses. 订阅设置。</summary>
public record WebhookFields
{
    /// <summary>Where events are POSTed. https, unless the target is on a network the operator allowed (Webhooks:AllowedNetworks).</summary>
    /// <example>https://data.zhanjiang.example/hooks/gaoxin</example>
    [MaxLength(2000)]
    public required string Url { get; init; }

    /// <summary>
    /// The events to send: <c>{resourceType}.{action}</c> for changes (park, indicator, observation, target, policy,
    /// measure, enterprise, project × created, updated, deleted) and <c>match.{kind}</c> for the match feed (newlyEligible,
    /// noLongerEligible, newlyDecidable). listWebhookEventTypes lists them. Enterprise and match events need the
    /// enterprises scope.
    /// </summary>
    /// <example>["observation.created", "observation.updated", "observation.deleted"]</example>
    [MinLength(1), MaxLength(100)]
    [ItemLength(3, 64)]
    public required IReadOnlyList<string> EventTypes { get; init; }

    /// <summary>Only this park's subtree: its parks, their figures and targets, their enterprises. A park-limited key's subscriptions are always within its park (default: its park).</summary>
    /// <example>haidong</example>
    [MaxLength(64)]
    public string? ParkCode { get; init; }

    /// <summary>What the subscription is for, for the people who manage it.</summary>
    /// <example>湛江市统计局数据交换平台</example>
    [MaxLength(500)]
    public string? Description { get; init; }
}

/// <summary>A new subscription. 新建订阅。</summary>
public sealed record CreateWebhookRequest : WebhookFields
{
    /// <summary>False: created paused, e.g. to test it with pingWebhook before events flow.</summary>
    [DefaultValue(true)]
    public bool Active { get; init; } = true;
}

/// <summary>A subscription's settings, replaced as a whole. 修改订阅。</summary>
public sealed record UpdateWebhookRequest : WebhookFields
{
    /// <summary>active or paused; setting a disabled subscription active resumes it from where it stopped.</summary>
    public required WebhookStatus Status { get; init; }
}

/// <summary>A subscription, never its secret. 事件订阅（Webhook）。</summary>
public sealed record WebhookDto : WebhookFields
{
    /// <summary>Random and unguessable.</summary>
    /// <example>wh_7f3kq2mahx9c4tbe</example>
    public required string Id { get; init; }

    public required WebhookStatus Status { get; init; }

    /// <summary>Set while disabled by the platform.</summary>
    public WebhookDisabledReason? DisabledReason { get; init; }

    /// <summary>Why it was disabled, in the response language.</summary>
    public string? DisabledDetail { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>The API key that created it: deliveries carry what that key may read.</summary>
    /// <example>municipal-stats-office</example>
    public required string OwnerKey { get; init; }

    /// <summary>The feed position of the last event delivered (the change feed's cursor format, plus the stream).</summary>
    public required string DeliveredThrough { get; init; }

    public DateTimeOffset? LastDeliveredAt { get; init; }

    /// <summary>Since when deliveries fail (null when the last one succeeded).</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>When the next attempt is due, while retrying.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Until when the previous secret still signs, after a rotation.</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }

    /// <example>3</example>
    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A new subscription and its signing secret, shown this once. 新订阅及其签名密钥（仅显示一次）。</summary>
public sealed record CreatedWebhookDto
{
    /// <summary>The Standard Webhooks secret (whsec_ + base64): keep it; it is never shown again (rotateWebhookSecret makes a new one).</summary>
    /// <example>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</example>
    public required string Secret { get; init; }

    public required WebhookDto Webhook { get; init; }
}

/// <summary>How long the old secret keeps signing. 密钥轮换。</summary>
public sealed record RotateWebhookSecretRequest
{
    /// <summary>Hours the previous secret still signs beside the new one (0–168, default 24), so receivers can switch without losing a delivery.</summary>
    [Range(0, 168)]
    [DefaultValue(24)]
    public int OverlapHours { get; init; } = 24;
}

/// <summary>A new signing secret, shown this once. 新签名密钥（仅显示一次）。</summary>
public sealed record WebhookSecretDto
{
    /// <example>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw</example>
    public required string Secret { get; init; }

    /// <summary>Until when the previous secret also signs (null: it stopped at once).</summary>
    public DateTimeOffset? PreviousSecretExpiresAt { get; init; }
}

/// <summary>What one delivery attempt carried. 投递类型。</summary>
public enum WebhookDeliveryKind
{
    /// <summary>New events, in feed order. 新事件</summary>
    Events,

    /// <summary>Events sent again on request. 重新投递</summary>
    Redelivery,

    /// <summary>A test message. 测试</summary>
    Ping,
}

/// <summary>How an attempt ended. 投递结果。</summary>
public enum WebhookDeliveryOutcome
{
    /// <summary>The receiver answered 2xx. 成功</summary>
    Succeeded,

    /// <summary>Any other answer, a timeout or no connection. 失败</summary>
    Failed,
}

/// <summary>One delivery attempt. 投递记录。</summary>
public sealed record WebhookDeliveryDto
{
    /// <example>311</example>
    public required long Id { get; init; }

    /// <summary>The webhook-id header: the same on every attempt of one message.</summary>
    /// <example>msg_wh_7f3kq2mahx9c4tbe-chg_40210-chg_40709</example>
    public required string MessageId { get; init; }

    public required WebhookDeliveryKind Kind { get; init; }

    /// <example>chg_40210</example>
    public string? FirstEventId { get; init; }

    /// <example>chg_40709</example>
    public string? LastEventId { get; init; }

    /// <example>500</example>
    public required int EventCount { get; init; }

    /// <summary>1 for the first attempt of a message, 2 for its first retry…</summary>
    /// <example>1</example>
    public required int Attempt { get; init; }

    public required WebhookDeliveryOutcome Outcome { get; init; }

    /// <summary>The receiver's HTTP status, when it answered.</summary>
    /// <example>200</example>
    public int? ResponseStatus { get; init; }

    /// <summary>Why it failed, when there was no answer or the target was refused.</summary>
    public string? Error { get; init; }

    /// <summary>The start of the receiver's answer (at most 500 characters), to see why it refused.</summary>
    public string? ResponseExcerpt { get; init; }

    /// <example>37</example>
    public required int LatencyMs { get; init; }

    public required DateTimeOffset AttemptedAt { get; init; }

    /// <summary>When a failed message is tried again (null: succeeded, a ping, or given up).</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }
}

/// <summary>A subscription's delivery log, newest first. 投递日志。</summary>
public sealed record WebhookDeliveryPage
{
    public required IReadOnlyList<WebhookDeliveryDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set).</summary>
    [Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>A page of subscriptions. 订阅列表。</summary>
public sealed record WebhookPage
{
    public required IReadOnlyList<WebhookDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set).</summary>
    [Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>Events to send again: one (from only) or a range, inclusive. 重新投递。</summary>
public sealed record RedeliverWebhookEventsRequest
{
    /// <summary>The first event's id (as delivered: chg_… or mat_…).</summary>
    /// <example>chg_40210</example>
    [MaxLength(40)]
    public required string FromEventId { get; init; }

    /// <summary>The last event's id; omitted: only fromEventId.</summary>
    /// <example>chg_40709</example>
    [MaxLength(40)]
    public string? ToEventId { get; init; }
}

/// <summary>A redelivery being served. 重新投递请求。</summary>
public sealed record WebhookRedeliveryDto
{
    /// <example>4</example>
    public required long Id { get; init; }

    public required string FromEventId { get; init; }

    public required string ToEventId { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>When its last message was delivered (null while under way).</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}

/// <summary>An event type a subscription can ask for. 可订阅的事件类型。</summary>
public sealed record WebhookEventTypeDto
{
    /// <example>observation.created</example>
    public required string Type { get; init; }

    /// <summary>What it means, in the response language.</summary>
    /// <example>观测值新建</example>
    public required string Title { get; init; }

    /// <summary>True when receiving it needs the enterprises scope.</summary>
    public required bool Private { get; init; }
}

/// <summary>
/// The body of every delivery (not an API response): Standard Webhooks' type, timestamp and data. Several events travel
/// in one message, in feed order; each has its own stable id, the same in every retry and redelivery, to drop
/// duplicates by. 投递消息体。
/// </summary>
public sealed record WebhookMessage
{
    /// <summary>gaoxin.events (data.events holds the events) or gaoxin.ping (data.events is empty).</summary>
    /// <example>gaoxin.events</example>
    public required string Type { get; init; }

    /// <summary>When the message was first made (retries keep it; the webhook-timestamp header is the attempt's).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public required WebhookMessageData Data { get; init; }
}

/// <summary>A message's content. 消息内容。</summary>
public sealed record WebhookMessageData
{
    /// <summary>The subscription the message is for.</summary>
    /// <example>wh_7f3kq2mahx9c4tbe</example>
    public required string WebhookId { get; init; }

    /// <summary>True when sent again on request (the events were delivered before).</summary>
    public required bool Redelivery { get; init; }

    public required IReadOnlyList<WebhookEvent> Events { get; init; }
}

/// <summary>One event: a change (change is set) or a match event (match is set). 事件。</summary>
public sealed record WebhookEvent
{
    /// <summary>Stable: chg_{n} for a change, mat_{n} for a match event.</summary>
    /// <example>chg_40210</example>
    public required string Id { get; init; }

    /// <example>observation.created</example>
    public required string Type { get; init; }

    /// <summary>When its transaction committed.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The change, as listChanges shows it (its position continues that feed).</summary>
    public ChangeDto? Change { get; init; }

    /// <summary>The match event, as listMatchEvents shows it.</summary>
    public MatchEventDto? Match { get; init; }
}
