using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.ApiKeys;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.ApiKeys.ListApiKeys;

public sealed record ListApiKeysQuery(string? Cursor = null, int Limit = ListApiKeysQuery.DefaultLimit) : IQuery<ApiKeyPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
    }
}

/// <summary>The keys the caller manages: all of them, or for a park-limited key those within its park subtree.</summary>
public sealed class ListApiKeysHandler(NpgsqlDataSource db, ICaller caller) : IRequestHandler<ListApiKeysQuery, ApiKeyPage>
{
    private sealed class Row
    {
        public string Name { get; init; } = "";
        public string Prefix { get; init; } = "";
        public string[] Scopes { get; init; } = [];
        public string? ParkCode { get; init; }
        public string? DisplayName { get; init; }
        public DateTime CreatedAt { get; init; }
        public DateTime? LastUsedAt { get; init; }
        public DateTime? RevokedAt { get; init; }
    }

    private const string Sql = """
        with recursive managed (id) as (
            select id from parks where id = @ScopeId
            union all
            select p.id from parks p join managed m on p.parent_id = m.id
        )
        select k.name, k.prefix, k.scopes, p.code as park_code, k.display_name, k.created_at, k.last_used_at, k.revoked_at
        from api_keys k left join parks p on p.id = k.park_id
        where (@ScopeId::bigint is null or k.park_id in (select id from managed))
          and (@After::text is null or k.name > @After)
        order by k.name
        limit @Take
        """;

    public async Task<ApiKeyPage> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { ScopeId = caller.ParkScopeId, After = after, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
        var (items, next) = Keyset.Page(rows, query.Limit, r => new ApiKeyDto
        {
            Name = r.Name, Prefix = r.Prefix, Scopes = r.Scopes, ParkCode = r.ParkCode, DisplayName = r.DisplayName, CreatedAt = Utc(r.CreatedAt)!.Value,
            LastUsedAt = Utc(r.LastUsedAt), RevokedAt = Utc(r.RevokedAt),
        }, r => CodeCursor.Encode(r.Name));
        return new ApiKeyPage { Items = items, NextCursor = next };
    }
}
