using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Cases;
using MediatR;

namespace Gaoxin.Api.Features.Cases.GetCalendarYears;

/// <summary>The holiday calendars on record, or one year's.</summary>
public sealed record GetCalendarYearsQuery(int? Year) : IQuery<CalendarYearList>;

public sealed class GetCalendarYearsHandler(ReadDatabase db) : IRequestHandler<GetCalendarYearsQuery, CalendarYearList>
{
    public async Task<CalendarYearList> Handle(GetCalendarYearsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var years = await CalendarYears.LoadAsync(connection, null, cancellationToken, query.Year);
        if (query.Year is { } year && years.Count == 0)
        {
            throw new Infrastructure.Errors.ApiException(Infrastructure.Errors.Problems.CalendarYearNotFound,
                new($"{year} 年的节假日安排尚未录入。", $"No holiday calendar is on record for {year}."), new Dictionary<string, object?> { ["year"] = year });
        }
        return new CalendarYearList { Items = years };
    }
}
