using System.Data;
using Dapper;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// Who manages which subscriptions: an admin key those within its park subtree (all, when zone-wide); a key with the
/// webhooks scope those it created. Any other is a 404, so ids reveal nothing. Written once, used by every handler.
/// </summary>
public static class WebhookAccess
{
    /// <summary>Start the query with this CTE: <c>scope (id)</c>, the caller's park subtree (empty when zone-wide).</summary>
    public static string ScopeCte => ParkTree.Within("@ScopeParkId", "scope");

    /// <summary>The filter on the subscription <c>w</c> (needs <see cref="Parameters"/>).</summary>
    public const string Filter = """
        ((@IsAdmin and (@ScopeParkId::bigint is null or w.park_id in (select id from scope)))
         or w.owner_key_id = (select id from api_keys where name = @CallerKey))
        """;

    public static object Parameters(ICaller caller) => new
    {
        IsAdmin = caller.Scopes.Contains(Scopes.Admin),
        ScopeParkId = caller.ParkScopeId,
        CallerKey = caller.Name,
    };
}

/// <summary>A subscription as stored, without its secrets.</summary>
public sealed class WebhookRow
{
    public const string Columns = """
        w.id, w.public_id, w.url, w.description, w.event_types, p.code as park_code, w.status, w.disabled_reason, w.disabled_at,
        k.name as owner_key, w.after_batch, w.after_stream, w.after_id, w.last_delivered_at, w.failing_since,
        w.next_attempt_at, w.attempt, w.previous_secret_until, w.version, w.created_at, w.updated_at
        """;

    public const string From = "webhooks w join api_keys k on k.id = w.owner_key_id left join parks p on p.id = w.park_id";

    public long Id { get; init; }
    public string PublicId { get; init; } = "";
    public string Url { get; init; } = "";
    public string? Description { get; init; }
    public string[] EventTypes { get; init; } = [];
    public string? ParkCode { get; init; }
    public WebhookStatus Status { get; init; }
    public WebhookDisabledReason? DisabledReason { get; init; }
    public DateTime? DisabledAt { get; init; }
    public string OwnerKey { get; init; } = "";
    public long AfterBatch { get; init; }
    public short AfterStream { get; init; }
    public long AfterId { get; init; }
    public DateTime? LastDeliveredAt { get; init; }
    public DateTime? FailingSince { get; init; }
    public DateTime NextAttemptAt { get; init; }
    public int Attempt { get; init; }
    public DateTime? PreviousSecretUntil { get; init; }
    public int Version { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    public WebhookDto ToDto(DateTimeOffset now) => new()
    {
        Id = PublicId,
        Url = Url,
        Description = Description,
        EventTypes = EventTypes,
        ParkCode = ParkCode,
        Status = Status,
        DisabledReason = DisabledReason,
        DisabledDetail = DisabledReason switch
        {
            WebhookDisabledReason.RetriesExhausted => Lang.Pick("接收方在整个重试期内都未能成功接收，已停用；未投递的事件仍在等待。修复接收方后将状态设为 active 即可从中断处继续。",
                "The receiver failed every attempt over the retry period; undelivered events are waiting. Fix the receiver, then set the status to active to resume where it stopped."),
            WebhookDisabledReason.KeyRevoked => Lang.Pick("创建此订阅的 API 密钥已吊销；请用有效密钥重新创建订阅。", "The API key that created this subscription was revoked; create the subscription again with a valid key."),
            _ => null,
        },
        DisabledAt = Utc(DisabledAt),
        OwnerKey = OwnerKey,
        DeliveredThrough = new WebhookPosition(AfterBatch, AfterStream, AfterId).Encode(),
        LastDeliveredAt = Utc(LastDeliveredAt),
        FailingSince = Utc(FailingSince),
        NextAttemptAt = Attempt > 0 && Status == WebhookStatus.Active ? Utc(NextAttemptAt) : null,
        PreviousSecretExpiresAt = Utc(PreviousSecretUntil) is { } until && until > now ? until : null,
        Version = Version,
        CreatedAt = Utc(CreatedAt)!.Value,
        UpdatedAt = Utc(UpdatedAt)!.Value,
    };

    public static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;

    /// <summary>The subscription if the caller may manage it; with <paramref name="forUpdate"/>, locked for the rest of the transaction.</summary>
    public static async Task<WebhookRow?> FindAsync(IDbConnection connection, IDbTransaction? transaction, ICaller caller, string id, bool forUpdate, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(WebhookAccess.Parameters(caller));
        parameters.Add("Id", id);
        return await connection.QuerySingleOrDefaultAsync<WebhookRow>(new CommandDefinition(
            WebhookAccess.ScopeCte + $"select {Columns} from {From} where w.public_id = @Id and {WebhookAccess.Filter}" + (forUpdate ? " for update of w" : ""),
            parameters, transaction, cancellationToken: cancellationToken));
    }
}
