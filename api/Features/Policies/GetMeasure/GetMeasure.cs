using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.GetMeasure;

public sealed record GetMeasureQuery(string PolicyId, string Code) : IQuery<SupportMeasureDto>;

/// <summary>One support measure, so that an editor can read it (with its ETag) before changing it.</summary>
public sealed class GetMeasureHandler(ReadDatabase db) : IRequestHandler<GetMeasureQuery, SupportMeasureDto>
{
    public async Task<SupportMeasureDto> Handle(GetMeasureQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var policyId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from policies where code = @PolicyId", new { query.PolicyId }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.NotFound(query.PolicyId);
        var row = await connection.QuerySingleOrDefaultAsync<MeasureRow>(new CommandDefinition(
            MeasureRow.Select + "\nwhere m.policy_id = @policyId and m.code = @Code", new { policyId, query.Code }, cancellationToken: cancellationToken))
            ?? throw PolicyErrors.MeasureNotFound(query.PolicyId, query.Code);
        return row.ToDto();
    }
}
