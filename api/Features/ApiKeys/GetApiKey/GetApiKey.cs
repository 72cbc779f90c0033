using Dapper;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.ApiKeys;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.ApiKeys.GetApiKey;

public sealed record GetApiKeyQuery(string Name) : IQuery<ApiKeyDto>;

/// <summary>One key, never the key itself; a park-limited caller sees only the keys within its subtree (others: 404).</summary>
public sealed class GetApiKeyHandler(NpgsqlDataSource db, ICaller caller) : IRequestHandler<GetApiKeyQuery, ApiKeyDto>
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
        where k.name = @Name and (@ScopeId::bigint is null or k.park_id in (select id from managed))
        """;

    public async Task<ApiKeyDto> Handle(GetApiKeyQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(Sql, new { query.Name, ScopeId = caller.ParkScopeId }, cancellationToken: cancellationToken))
            ?? throw new ApiException(Problems.ApiKeyNotFound, new Text($"没有名为“{query.Name}”的密钥。", $"There is no key named '{query.Name}'."),
                new Dictionary<string, object?> { ["name"] = query.Name });
        static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
        return new ApiKeyDto
        {
            Name = row.Name, Prefix = row.Prefix, Scopes = row.Scopes, ParkCode = row.ParkCode, DisplayName = row.DisplayName,
            CreatedAt = Utc(row.CreatedAt)!.Value, LastUsedAt = Utc(row.LastUsedAt), RevokedAt = Utc(row.RevokedAt),
        };
    }
}
