using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Policies;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Policies.ListPolicyVersions;

public sealed record ListPolicyVersionsQuery(string Id) : IQuery<IReadOnlyList<PolicyVersionDto>>;

public sealed class ListPolicyVersionsHandler(NpgsqlDataSource db) : IRequestHandler<ListPolicyVersionsQuery, IReadOnlyList<PolicyVersionDto>>
{
    public async Task<IReadOnlyList<PolicyVersionDto>> Handle(ListPolicyVersionsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<VersionRow>(new CommandDefinition(VersionRow.Select + "\norder by v.version", new { query.Id }, cancellationToken: cancellationToken))).ToList();
        return rows.Count > 0 ? rows.Select(r => r.ToDto()).ToList() : throw PolicyErrors.NotFound(query.Id);
    }
}
