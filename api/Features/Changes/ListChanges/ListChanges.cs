using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Changes;
using MediatR;

namespace Gaoxin.Api.Features.Changes.ListChanges;

public sealed record ListChangesQuery(string? Cursor, int Limit, IReadOnlyList<string> ResourceTypes, string? Park) : IQuery<ChangePage>
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5000;

    /// <summary>What the feed holds.</summary>
    public static readonly string[] KnownResourceTypes = ["park", "indicator", "observation", "target", "policy", "measure", "enterprise", "project", "round"];
}

public sealed class ListChangesValidator : AbstractValidator<ListChangesQuery>
{
    public ListChangesValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize(ListChangesQuery.MaxLimit);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => FeedCursor.TryDecode(cursor, out _));
        RuleForEach(q => q.ResourceTypes).Must(type => ListChangesQuery.KnownResourceTypes.Contains(type))
            .WithMessage(_ => Infrastructure.Localization.Lang.Pick($"资源类型只能是 {string.Join("、", ListChangesQuery.KnownResourceTypes)}。",
                $"A resource type is one of {string.Join(", ", ListChangesQuery.KnownResourceTypes)}."))
            .OverridePropertyName("resourceType");
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
    }
}

/// <summary>
/// The feed from a cursor, optionally only some resource types and only one park's subtree (its parks and their
/// figures). A filtered page may hold fewer items than the limit; its cursor still moves past what was skipped.
/// </summary>
public sealed class ListChangesHandler(ReadDatabase db, ICaller caller) : IRequestHandler<ListChangesQuery, ChangePage>
{
    private static readonly string Sql = ParkTree.Within("@ParkId") + ", " + EnterpriseAccess.ScopeCte.Replace("with recursive ", "", StringComparison.Ordinal) + """
        , scanned as (
            select * from (
        """ + FeedSql.After("b.seq as batch, c.id, c.resource_type, c.resource_key, c.action, c.etag, b.committed_at as changed_at, c.park_id", "changes", "c", "@Id") + """
            ) s
            order by batch, id
            limit @Scan
        )
        select batch, id, resource_type, resource_key, action, etag, changed_at,
               (cardinality(@Types) = 0 or resource_type = any(@Types))
               and (@ParkId::bigint is null or park_id in (select id from within))
               -- Enterprises are not public: only keys that may read them see their changes, within their parks.
               and (resource_type <> 'enterprise' or (@SeesEnterprises and
        """ + EnterpriseAccess.Filter("park_id") + """
        )) as wanted
        from scanned
        order by batch, id
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
        public bool Wanted { get; init; }
    }

    public async Task<ChangePage> Handle(ListChangesQuery query, CancellationToken cancellationToken)
    {
        FeedCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        long? parkId = null;
        if (query.Park is { } park)
        {
            parkId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from parks where code = @park", new { park }, cancellationToken: cancellationToken))
                ?? throw ParkErrors.NotFound(park);
        }
        // Scan a bounded stretch of the feed, keep what the filters want: a filter never makes a page unbounded work.
        var scanned = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { after.Batch, after.Id, Scan = query.Limit + 1, Types = query.ResourceTypes.ToArray(), ParkId = parkId,
                SeesEnterprises = EnterpriseAccess.MayRead(caller), ScopeParkId = caller.ParkScopeId }, cancellationToken: cancellationToken))).ToList();
        var window = scanned.Take(query.Limit).ToList();
        var items = window.Where(r => r.Wanted).Select(r => new ChangeDto
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
            Items = items,
            NextCursor = window.Count > 0 ? FeedCursor.Encode(window[^1].Batch, window[^1].Id) : FeedCursor.Encode(after.Batch, after.Id),
            HasMore = scanned.Count > query.Limit,
        };
    }
}
