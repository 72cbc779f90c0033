using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.GetDataSet;

public sealed record GetDataSetQuery(string Code) : IQuery<DataSetDto>;

public sealed class GetDataSetHandler(ReadDatabase db) : IRequestHandler<GetDataSetQuery, DataSetDto>
{
    public async Task<DataSetDto> Handle(GetDataSetQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return (await DataSetRow.LoadAsync(connection, null, query.Code, cancellationToken)).ToDto();
    }
}
