using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Indicators;
using MediatR;

namespace Gaoxin.Api.Features.Indicators.GetIndicator;

public sealed record GetIndicatorQuery(string Code) : IQuery<IndicatorDto>;

public sealed class GetIndicatorHandler(ReadDatabase db) : IRequestHandler<GetIndicatorQuery, IndicatorDto>
{
    private const string Sql = IndicatorRow.Select + "\nwhere i.code = @Code";

    public async Task<IndicatorDto> Handle(GetIndicatorQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(Sql, new { query.Code }, cancellationToken: cancellationToken));
        return row?.ToDto() ?? throw IndicatorErrors.NotFound(query.Code);
    }
}
