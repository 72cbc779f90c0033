using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Parks;
using MediatR;

namespace Gaoxin.Api.Features.Parks.GetPark;

public sealed record GetParkQuery(string Code) : IQuery<ParkDto>;

public sealed class GetParkHandler(ReadDatabase db) : IRequestHandler<GetParkQuery, ParkDto>
{
    private const string Sql = ParkRow.Select + "\nwhere p.code = @Code";

    public async Task<ParkDto> Handle(GetParkQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ParkRow>(new CommandDefinition(Sql, new { query.Code }, cancellationToken: cancellationToken));
        return row?.ToDto() ?? throw ParkErrors.NotFound(query.Code);
    }
}
