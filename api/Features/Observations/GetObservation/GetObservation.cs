using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Observations;
using MediatR;

namespace Gaoxin.Api.Features.Observations.GetObservation;

/// <summary>
/// One figure by its natural key, as committed. A write answers with it after its transaction has committed, so the
/// answer carries the commit's <c>recordedAt</c> (migration 0016), the same as every later read under the same ETag.
/// </summary>
public sealed record GetObservationQuery(string IndicatorCode, string ParkCode, string Period) : IQuery<ObservationDto>;

public sealed class GetObservationHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetObservationQuery, ObservationDto>
{
    private static readonly string Sql = ObservationRow.Select(asOf: false) + "\nwhere i.code = @IndicatorCode and p.code = @ParkCode and o.period = @Period";

    public async Task<ObservationDto> Handle(GetObservationQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<ObservationRow>(new CommandDefinition(Sql, query, cancellationToken: cancellationToken))
            ?? throw ObservationErrors.NotFound(query.IndicatorCode, query.ParkCode, query.Period);
        return row.ToDto(row.Unit, clock.Today());
    }
}
