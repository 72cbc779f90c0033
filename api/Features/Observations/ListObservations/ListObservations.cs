using System.Text;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using MediatR;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Gaoxin.Api.Features.Observations.ListObservations;

public sealed record ListObservationsQuery(
    string Indicator, IReadOnlyList<string> Parks, string? From, string? To, DateTimeOffset? AsOf, IndicatorUnit? Unit, string? Cursor, int Limit)
    : IQuery<SerializedOnce<ObservationPage>>
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5000;
    public const int MaxParks = 100;
}

public sealed class ListObservationsValidator : AbstractValidator<ListObservationsQuery>
{
    public ListObservationsValidator()
    {
        RuleFor(q => q.Indicator).NotEmpty().MustBeCode();
        RuleFor(q => q.Parks).Must(p => p.Count <= ListObservationsQuery.MaxParks)
            .WithMessage(_ => Lang.Pick($"一次最多 {ListObservationsQuery.MaxParks} 个园区。", $"At most {ListObservationsQuery.MaxParks} parks at once."));
        RuleForEach(q => q.Parks).MustBeCode().OverridePropertyName("park");
        RuleFor(q => q.From).MustBePeriod();
        RuleFor(q => q.To).MustBePeriod();
        RuleFor(q => q.Unit).IsInEnum();
        RuleFor(q => q.Limit).MustBePageSize(ListObservationsQuery.MaxLimit);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => SeriesCursor.TryDecode(cursor, out _));
    }
}

/// <summary>Keyset cursor over the series order (park code, period start, period).</summary>
public static class SeriesCursor
{
    public sealed record Position(string Park, DateOnly Start, string Period);

    public static string Encode(Position p) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"s:{p.Park}\u001f{p.Start:yyyy-MM-dd}\u001f{p.Period}"));

    public static bool TryDecode(string? cursor, out Position? position)
    {
        position = null;
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var parts = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor)).Split('\u001f');
            if (parts.Length != 3 || !parts[0].StartsWith("s:", StringComparison.Ordinal) || !DateOnly.TryParse(parts[1], out var start))
            {
                return false;
            }
            position = new Position(parts[0][2..], start, parts[2]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed class ListObservationsHandler(ReadDatabase db, TimeProvider clock, CommittedCache cache) : IRequestHandler<ListObservationsQuery, SerializedOnce<ObservationPage>>
{
    private const string Filter = """

        where o.indicator_id = @IndicatorId
          and (cardinality(@ParkIds) = 0 or o.park_id = any(@ParkIds))
          and (@FromStart::date is null or o.period_start >= @FromStart)
          and (@ToEnd::date is null or o.period_end <= @ToEnd)
          and (@AfterPark::text is null or (p.code, o.period_start, o.period) > (@AfterPark, @AfterStart, @AfterPeriod))
        order by p.code, o.period_start, o.period
        limit @Take
        """;

    public async Task<SerializedOnce<ObservationPage>> Handle(ListObservationsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (query.AsOf is not null)
        {
            return new(await ReadAsync(connection, query, cancellationToken));
        }
        // A chart reads the same series again and again between writes: kept, with its JSON, until the next write.
        return await cache.GetAsync(connection,
            $"series|{query.Indicator}|{string.Join(',', query.Parks)}|{query.From}|{query.To}|{query.Unit}|{query.Cursor}|{query.Limit}|{Lang.IsEnglish}|{clock.Today():yyyy-MM-dd}",
            async () => new SerializedOnce<ObservationPage>(await ReadAsync(connection, query, cancellationToken)), page => page.Value.Items.Count, cancellationToken);
    }

    private async Task<ObservationPage> ReadAsync(NpgsqlConnection connection, ListObservationsQuery query, CancellationToken cancellationToken)
    {
        var indicator = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(
            IndicatorRow.Select + "\nwhere i.code = @Indicator", new { query.Indicator }, cancellationToken: cancellationToken))
            ?? throw IndicatorErrors.NotFound(query.Indicator);
        var unit = UnitRequest.Resolve(indicator.Code, indicator.Unit, query.Unit);

        // All the parks in one round trip (one each cost a round trip apiece: 20 parks, 20 queries).
        var known = (await connection.QueryAsync<(string Code, long Id)>(new CommandDefinition(
            "select code, id from parks where code = any(@Codes)", new { Codes = query.Parks.ToArray() }, cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Code, p => p.Id);
        var parkIds = query.Parks.Select(code => known.TryGetValue(code, out var id) ? id : throw ParkErrors.NotFound(code)).ToList();

        SeriesCursor.TryDecode(query.Cursor, out var after);
        Period? from = query.From is null ? null : Period.TryParse(query.From, out var f) ? f : null;
        Period? to = query.To is null ? null : Period.TryParse(query.To, out var t) ? t : null;
        var rows = (await connection.QueryAsync<ObservationRow>(new CommandDefinition(ObservationRow.Select(query.AsOf is not null) + Filter, new
        {
            IndicatorId = indicator.Id,
            ParkIds = parkIds.ToArray(),
            FromStart = from?.Start,
            ToEnd = to?.End,
            AfterPark = after?.Park,
            AfterStart = after?.Start,
            AfterPeriod = after?.Period,
            Cutoff = query.AsOf?.ToUniversalTime(),
            Take = query.Limit + 1,
        }, cancellationToken: cancellationToken))).ToList();

        var today = clock.Today();
        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(unit, today), r => SeriesCursor.Encode(new(r.ParkCode, r.PeriodStart, r.Period)));
        return new ObservationPage { Items = items, NextCursor = next };
    }
}
