using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.ListMeasures;

public sealed record ListMeasuresQuery(string PolicyId) : IQuery<IReadOnlyList<SupportMeasureDto>>;

public sealed class ListMeasuresHandler(ReadDatabase db) : IRequestHandler<ListMeasuresQuery, IReadOnlyList<SupportMeasureDto>>
{
    public async Task<IReadOnlyList<SupportMeasureDto>> Handle(ListMeasuresQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var policyId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from policies where code = @PolicyId", new { query.PolicyId }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.NotFound(query.PolicyId);
        var rows = await connection.QueryAsync<MeasureRow>(new CommandDefinition(
            MeasureRow.Select + "\nwhere m.policy_id = @policyId order by m.position", new { policyId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToDto()).ToList();
    }
}
