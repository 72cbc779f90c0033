using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Changes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Gaoxin.Api.Features.Changes;

/// <summary>A position in the feed: (batch, change id); batches are numbered in commit order (migration 0008).</summary>
public static class FeedCursor
{
    public static string Encode(long batch, long id) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"f:{batch}:{id}"));

    public static bool TryDecode(string? cursor, out (long Batch, long Id) position)
    {
        position = (0, 0);
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split(':');
            if (parts is ["f", var batch, var id] && long.TryParse(batch, CultureInfo.InvariantCulture, out var b) && long.TryParse(id, CultureInfo.InvariantCulture, out var i))
            {
                position = (b, i);
                return true;
            }
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed record ListChangesQuery(string? After, int Limit) : IQuery<ChangePage>
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5000;
}

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize(ListChangesQuery.MaxLimit);
        RuleFor(q => q.After).MustBeCursor(cursor => FeedCursor.TryDecode(cursor, out _));
    }
}

public sealed class ListChangesHandler(NpgsqlDataSource db) : IRequestHandler<ListChangesQuery, ChangePage>
{
    private const string Sql = """
        select b.seq as batch, c.id, c.resource_type, c.resource_key, c.action, c.etag, c.changed_at
        from change_batches b
        join changes c on c.txid = b.txid
        where (b.seq, c.id) > (@Batch, @Id)
        order by b.seq, c.id
        limit @Take
        """;

    private sealed class Row
    {
        public long Batch { get; init; }
        public long Id { get; init; }
        public string ResourceType { get; init; } = "";
        public string ResourceKey { get; init; } = "";
        public ChangeAction Action { get; init; }
        public string? Etag { get; init; }
        public DateTime ChangedAt { get; init; }
    }

    public async Task<ChangePage> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        FeedCursor.TryDecode(query.After, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql, new { after.Batch, after.Id, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        var page = rows.Take(query.Limit).Select(r => new ChangeDto
        {
            Position = FeedCursor.Encode(r.Batch, r.Id),
            ResourceType = r.ResourceType,
            Key = r.ResourceKey,
            Action = r.Action,
            ETag = r.Etag,
            ChangedAt = new DateTimeOffset(DateTime.SpecifyKind(r.ChangedAt, DateTimeKind.Utc)),
        }).ToList();
        return new ChangePage
        {
            Items = page,
            NextCursor = page.Count > 0 ? page[^1].Position : FeedCursor.Encode(after.Batch, after.Id),
            HasMore = rows.Count > query.Limit,
        };
    }
}

public sealed record ListAuditQuery(string? ResourceType, string? Key, string? Actor, string? Cursor, int Limit) : IQuery<AuditPage>;

public sealed class ListAuditValidator : AbstractValidator<ListAuditQuery>
{
    public ListAuditValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.ResourceType).MaximumLength(32);
        RuleFor(q => q.Key).MaximumLength(200);
        RuleFor(q => q.Actor).MaximumLength(64);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => cursor is null || long.TryParse(cursor, CultureInfo.InvariantCulture, out _));
    }
}

public sealed class ListAuditHandler(NpgsqlDataSource db) : IRequestHandler<ListAuditQuery, AuditPage>
{
    private const string Sql = """
        select id, actor, action, resource_type, resource_key, before::text as before_json, after::text as after_json, at
        from audit_log
        where (@ResourceType::text is null or resource_type = @ResourceType)
          and (@Key::text is null or resource_key = @Key)
          and (@Actor::text is null or actor = @Actor)
          and (@Before::bigint is null or id < @Before)
        order by id desc
        limit @Take
        """;

    private sealed class Row
    {
        public long Id { get; init; }
        public string Actor { get; init; } = "";
        public ChangeAction Action { get; init; }
        public string ResourceType { get; init; } = "";
        public string ResourceKey { get; init; } = "";
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
        public DateTime At { get; init; }
    }

    public async Task<AuditPage> Handle(ListAuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        long? before = query.Cursor is null ? null : long.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { query.ResourceType, query.Key, query.Actor, Before = before, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
        var page = rows.Take(query.Limit).Select(r => new AuditEntryDto
        {
            Id = r.Id, Actor = r.Actor, Action = r.Action, ResourceType = r.ResourceType, Key = r.ResourceKey,
            Before = Json(r.BeforeJson), After = Json(r.AfterJson), At = new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)),
        }).ToList();
        return new AuditPage { Items = page, NextCursor = rows.Count > query.Limit ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null };
    }
}

public static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChangeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/changes", ListChanges).WithTags("Sync").WithName("listChanges").RequireAuthorization(Scopes.Read)
            .WithSummary("变更流 · The change feed")
            .WithDescription("""
                园区、指标、观测值、政策和措施的每次新建、更新和删除（删除以墓碑记录），按提交顺序排列。保存 nextCursor，下次以 after 传回，既不遗漏也不重复。
                Every create, update and delete of parks, indicators, observations, policies and measures (deletions as
                tombstones), in the order the writes committed. Store nextCursor and pass it back as `after`: nothing is
                missed and nothing is seen twice, also when writes commit concurrently.
                """)
            .ProducesProblems(400);

        app.MapGet("/api/v1/audit", ListAudit).WithTags("Sync").WithName("listAudit").RequireAuthorization(Scopes.Admin)
            .WithSummary("审计日志 · The audit log")
            .WithDescription("谁、何时、把什么从何改为何（参考数据；观测值见其修订历史）。Who changed what, when, from what to what (reference data; observations keep their own history).")
            .ProducesProblems(400);
        return app;
    }

    /// <param name="after">The nextCursor of the previous page; omitted: from the beginning.</param>
    /// <param name="limit">1–5000 (default 500).</param>
    private static async Task<Ok<ChangePage>> ListChanges(IMediator mediator, CancellationToken cancellationToken, [MaxLength(200)] string? after = null, [Range(1, ListChangesQuery.MaxLimit)] int limit = ListChangesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListChangesQuery(after, limit), cancellationToken));

    /// <param name="resourceType">park, indicator, policy, measure or api-key.</param>
    /// <param name="key">The resource's key.</param>
    /// <param name="actor">The API key's name.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 50).</param>
    private static async Task<Ok<AuditPage>> ListAudit(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(32)] string? resourceType = null, [MaxLength(200)] string? key = null, [MaxLength(64)] string? actor = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = 50) =>
        TypedResults.Ok(await mediator.Send(new ListAuditQuery(resourceType, key, actor, cursor, limit), cancellationToken));
}
