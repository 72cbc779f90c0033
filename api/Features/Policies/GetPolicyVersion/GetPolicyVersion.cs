using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.GetPolicyVersion;

public sealed record GetPolicyVersionQuery(string Id, int Version) : IQuery<PolicyVersionDto>;

public sealed class GetPolicyVersionHandler(ReadDatabase db) : IRequestHandler<GetPolicyVersionQuery, PolicyVersionDto>
{
    public async Task<PolicyVersionDto> Handle(GetPolicyVersionQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            VersionRow.Select + " and v.version = @Version", new { query.Id, query.Version }, cancellationToken: cancellationToken));
        if (row is not null)
        {
            return row.ToDto();
        }
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from policies where code = @Id)", new { query.Id }, cancellationToken: cancellationToken));
        throw exists ? PolicyErrors.VersionNotFound(query.Id, query.Version) : PolicyErrors.NotFound(query.Id);
    }
}
