using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.ListDataSets;

/// <summary>Every data set by code: there are a handful, so the list is one page.</summary>
public sealed record ListDataSetsQuery : IQuery<IReadOnlyList<DataSetDto>>;

public sealed class ListDataSetsHandler(ReadDatabase db) : IRequestHandler<ListDataSetsQuery, IReadOnlyList<DataSetDto>>
{
    public async Task<IReadOnlyList<DataSetDto>> Handle(ListDataSetsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return (await DataSetRow.LoadAllAsync(connection, cancellationToken)).Select(s => s.ToDto()).ToList();
    }
}
