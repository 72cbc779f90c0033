using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.ApiKeys;
using MediatR;

namespace Gaoxin.Api.Features.ApiKeys.GetApiKey;

public sealed record GetApiKeyQuery(string Name) : IQuery<ApiKeyDto>;

/// <summary>One key, never the key itself; a park-limited caller sees only the keys within its subtree (others: 404).</summary>
public sealed class GetApiKeyHandler(ReadDatabase db, ICaller caller) : IRequestHandler<GetApiKeyQuery, ApiKeyDto>
{
    private static readonly string Sql = ApiKeyRow.SelectManaged + "\n  and k.name = @Name";

    public async Task<ApiKeyDto> Handle(GetApiKeyQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ApiKeyRow>(new CommandDefinition(Sql, new { query.Name, ScopeId = caller.ParkScopeId }, cancellationToken: cancellationToken))
            ?? throw new ApiException(Problems.ApiKeyNotFound, new Text($"没有名为“{query.Name}”的密钥。", $"There is no key named '{query.Name}'."),
                new Dictionary<string, object?> { ["name"] = query.Name });
        return row.ToDto();
    }
}
