using System.Data;
using Dapper;
using Gaoxin.Api.Features.Changes;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Webhooks;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>Which events of the feed one subscription receives.</summary>
/// <param name="Types">Its event types.</param>
/// <param name="ParkId">Its park subtree, if limited.</param>
/// <param name="SeesEnterprises">Whether its key may read enterprise data now.</param>
public sealed record WebhookFilter(string[] Types, long? ParkId, bool SeesEnterprises);

/// <summary>One event of the merged feed, and whether the subscription wants it.</summary>
public sealed record FeedEvent(WebhookPosition Position, bool Wanted, WebhookEvent Event);

/// <summary>
/// Reads the change feed and the match feed as one stream, in commit order, for a subscription. A read scans a bounded
/// stretch and says which events the filter keeps, so a subscription that wants little never makes one read unbounded.
/// </summary>
public static class WebhookFeed
{
    // Each stream is read on from the place as every feed reader does (FeedSql), then the two are merged in order.
    private const string ChangeColumns = """
        b.seq as batch, 0::smallint as stream, c.id, b.committed_at, c.resource_type, c.resource_key, c.action, c.etag, c.park_id,
        null::text as kind, null::text as enterprise_code, null::text as policy_code, null::text as measure_code,
        null::text as from_status, null::text as to_status, null::boolean as grant_without_application, null::date as judged_on
        """;

    private const string MatchColumns = """
        b.seq, 1::smallint, e.id, b.committed_at, null, null, null, null, e.park_id,
        e.kind, e.enterprise_code, e.policy_code, e.measure_code, e.from_status, e.to_status, e.grant_without_application, e.judged_on
        """;

    private static readonly string Sql = ParkTree.Within("@ParkId") + $"""
        , changed as (
        {FeedSql.After(ChangeColumns, "changes", "c", "@ChangeAfter", "@ChangeUpTo")}
        ), matched as (
        {FeedSql.After(MatchColumns, "match_events", "e", "@MatchAfter", "@MatchUpTo")}
        )
        select s.*,
               coalesce(s.resource_type || '.' || s.action, 'match.' || s.kind) = any(@Types)
               and (@ParkId::bigint is null or s.park_id in (select id from within))
               -- Enterprise changes and match events are private: only for keys that may read enterprises.
               and ((s.stream = 0 and s.resource_type <> 'enterprise') or @SeesEnterprises) as wanted
        from (select * from changed union all select * from matched) s
        order by s.batch, s.stream, s.id
        limit @Scan
        """;

    private sealed class Row
    {
        public long Batch { get; init; }
        public short Stream { get; init; }
        public long Id { get; init; }
        public DateTime CommittedAt { get; init; }
        public string? ResourceType { get; init; }
        public string? ResourceKey { get; init; }
        public ChangeAction? Action { get; init; }
        public string? Etag { get; init; }
        public MatchEventKind? Kind { get; init; }
        public string? EnterpriseCode { get; init; }
        public string? PolicyCode { get; init; }
        public string? MeasureCode { get; init; }
        public MatchStatus? FromStatus { get; init; }
        public MatchStatus? ToStatus { get; init; }
        public bool? GrantWithoutApplication { get; init; }
        public DateOnly? JudgedOn { get; init; }
        public bool Wanted { get; init; }
    }

    /// <summary>Up to <paramref name="scan"/> events after <paramref name="after"/> and at most <paramref name="upTo"/>.</summary>
    public static async Task<IReadOnlyList<FeedEvent>> ReadAsync(IDbConnection connection, IDbTransaction? transaction, WebhookPosition after, WebhookPosition upTo,
        WebhookFilter filter, int scan, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Sql, new
        {
            after.Batch, after.ChangeAfter, after.MatchAfter,
            ToBatch = upTo.Batch, upTo.ChangeUpTo, upTo.MatchUpTo,
            filter.Types, filter.ParkId, filter.SeesEnterprises, Scan = scan,
        }, transaction, cancellationToken: cancellationToken));
        return rows.Select(ToEvent).ToList();
    }

    private static FeedEvent ToEvent(Row r)
    {
        var position = new WebhookPosition(r.Batch, r.Stream, r.Id);
        var at = new DateTimeOffset(DateTime.SpecifyKind(r.CommittedAt, DateTimeKind.Utc));
        var cursor = FeedCursor.Encode(r.Batch, r.Id);
        var item = r.Stream == WebhookPosition.Changes
            ? new WebhookEvent
            {
                Id = position.EventId,
                Type = WebhookEventTypes.OfChange(r.ResourceType!, Infrastructure.Database.DbEnum.ToDb(r.Action!.Value)),
                OccurredAt = at,
                Change = new ChangeDto { Position = cursor, ResourceType = r.ResourceType!, Key = r.ResourceKey!, Action = r.Action.Value, ETag = r.Etag, ChangedAt = at },
            }
            : new WebhookEvent
            {
                Id = position.EventId,
                Type = WebhookEventTypes.OfMatch(r.Kind!.Value),
                OccurredAt = at,
                Match = new MatchEventDto
                {
                    Position = cursor, Kind = r.Kind.Value, EnterpriseCode = r.EnterpriseCode!, PolicyId = r.PolicyCode!, MeasureCode = r.MeasureCode!,
                    From = r.FromStatus, To = r.ToStatus, GrantWithoutApplication = r.GrantWithoutApplication ?? false, On = r.JudgedOn!.Value, ChangedAt = at,
                },
            };
        return new FeedEvent(position, r.Wanted, item);
    }

    /// <summary>
    /// The next message's worth of a window: the first <paramref name="max"/> wanted events, and the position delivery
    /// stands at once they are delivered (past the unwanted events read with them, but not past a wanted one left out).
    /// </summary>
    public static (IReadOnlyList<FeedEvent> Events, WebhookPosition Through, bool More) Take(IReadOnlyList<FeedEvent> window, WebhookPosition after, int max, int scan)
    {
        var wanted = window.Where(e => e.Wanted).ToList();
        var taken = wanted.Take(max).ToList();
        var cut = taken.Count < wanted.Count;
        var through = cut ? taken[^1].Position : window.Count > 0 ? window[^1].Position : after;
        return (taken, through, cut || window.Count >= scan);
    }
}
