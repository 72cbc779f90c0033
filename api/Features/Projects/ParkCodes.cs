using System.Data;
using Dapper;
using Gaoxin.Api.Features.Parks;

namespace Gaoxin.Api.Features.Projects;

/// <summary>The codes of a park and every park within it, for reads that filter in memory.</summary>
public static class ParkCodes
{
    public static async Task<HashSet<string>?> WithinAsync(IDbConnection connection, string? park, CancellationToken cancellationToken)
    {
        if (park is null)
        {
            return null;
        }
        var parkId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from parks where code = @park", new { park }, cancellationToken: cancellationToken))
            ?? throw ParkErrors.NotFound(park);
        return (await connection.QueryAsync<string>(new CommandDefinition(ParkTree.Within("@ParkId") + "select code from parks where id in (select id from within)",
            new { ParkId = parkId }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
    }
}
