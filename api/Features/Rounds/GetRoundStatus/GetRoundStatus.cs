using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.GetRoundStatus;

/// <summary>Per park: state, share of the expected figures present, on time or late, open warnings and errors.</summary>
public sealed record GetRoundStatusQuery(string DataSet, string Period) : IQuery<RoundStatusDto>;

public sealed class GetRoundStatusHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetRoundStatusQuery, RoundStatusDto>
{
    public async Task<RoundStatusDto> Handle(GetRoundStatusQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var set = await DataSetRow.LoadAsync(connection, null, query.DataSet, cancellationToken);
        var period = set.PeriodOf(query.Period);
        var book = await RoundBook.LoadAsync(connection, null, set, [period], clock.Today(), clock.GetUtcNow(), cancellationToken);
        return Status(book, period);
    }

    public static RoundStatusDto Status(RoundBook book, Observations.Period period) => new()
    {
        Round = book.Set.Round(period),
        Parks = book.Parks.Select(p => book.Summary(p, period)).ToList(),
    };
}
