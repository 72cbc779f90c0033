using System.Data;
using Dapper;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Infrastructure.Security;

/// <summary>Writes of a key limited to a park's subtree stay in that subtree.</summary>
public static class ParkScope
{
    private const string Within = """
        with recursive up (id, parent_id) as (
            select id, parent_id from parks where id = @ParkId
            union all
            select p.id, p.parent_id from parks p join up on p.id = up.parent_id
        )
        select exists (select 1 from up where id = @ScopeId)
        """;

    public static async Task EnsureWithinAsync(this ICaller caller, DbSession session, long parkId, string parkCode, CancellationToken cancellationToken)
    {
        if (caller.ParkScopeId is { } scope && !await IsWithinAsync(session, parkId, scope, cancellationToken))
        {
            throw OutsideScope(parkCode);
        }
    }

    /// <summary>
    /// Whether the caller may see private data recorded in a park (enterprises, service cases): any key without a park
    /// limit, else one whose park is this one or above it. Read outside a transaction or inside one.
    /// </summary>
    public static async Task<bool> MaySeeParkAsync(this ICaller caller, IDbConnection connection, IDbTransaction? transaction, long parkId, CancellationToken cancellationToken) =>
        caller.ParkScopeId is not { } scope
        || await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Within, new { ParkId = parkId, ScopeId = scope }, transaction, cancellationToken: cancellationToken));

    /// <summary>Whether a park is the scope's park or lies below it.</summary>
    public static async Task<bool> IsWithinAsync(DbSession session, long parkId, long scopeParkId, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<bool>(Within, new { ParkId = parkId, ScopeId = scopeParkId }, cancellationToken);

    /// <summary>Indicators and policies belong to the whole zone: a key limited to some parks cannot change them.</summary>
    public static void EnsureUnrestricted(this ICaller caller)
    {
        if (caller.ParkScopeId is not null)
        {
            throw new ApiException(Problems.AuthParkScopedKey, new Text(
                "此 API 密钥仅限于部分园区，不能修改全区共用的指标或政策。", "This API key is limited to some parks; it cannot change the zone-wide indicators or policies."));
        }
    }

    public static ApiException OutsideScope(string parkCode) => new(Problems.AuthOutsideParkScope,
        new Text($"此 API 密钥不能写入园区“{parkCode}”：它只限于另一园区及其下级。", $"This API key cannot write to park '{parkCode}': it is limited to another park and the parks within it."),
        new Dictionary<string, object?> { ["parkCode"] = parkCode });
}
