using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using MediatR;

namespace Gaoxin.Api.Features.Indicators.CompareIndicator;

public sealed record CompareIndicatorQuery(string Code, IReadOnlyList<string> Parks, string? Period, DateTimeOffset? AsOf, IndicatorUnit? Unit)
    : IQuery<IndicatorComparisonDto>
{
    public const int MaxParks = 50;
}

public sealed class CompareIndicatorValidator : AbstractValidator<CompareIndicatorQuery>
{
    public CompareIndicatorValidator()
    {
        RuleFor(q => q.Parks).Must(p => p.Count is >= 1 and <= CompareIndicatorQuery.MaxParks)
            .WithMessage(_ => Lang.Pick($"请指定 1 到 {CompareIndicatorQuery.MaxParks} 个园区代码（逗号分隔）。", $"Name 1 to {CompareIndicatorQuery.MaxParks} park codes, separated by commas."));
        RuleForEach(q => q.Parks).MustBeCode().OverridePropertyName("parks");
        RuleFor(q => q.Period).MustBePeriod();
        RuleFor(q => q.Unit).IsInEnum();
    }
}

/// <summary>Each park's own figure for one period, or its latest when no period is given; no roll-up, so bars compare like with like.</summary>
public sealed class CompareIndicatorHandler(ReadDatabase db) : IRequestHandler<CompareIndicatorQuery, IndicatorComparisonDto>
{
    private const string Filter = """

        where o.indicator_id = @IndicatorId and o.park_id = any(@ParkIds) and (@Period::text is null or o.period = @Period)
        order by o.park_id, o.period_end desc, o.period_start desc
        """;

    public async Task<IndicatorComparisonDto> Handle(CompareIndicatorQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var indicator = await connection.QuerySingleOrDefaultAsync<IndicatorRow>(new CommandDefinition(
            IndicatorRow.Select + "\nwhere i.code = @Code", new { query.Code }, cancellationToken: cancellationToken))
            ?? throw IndicatorErrors.NotFound(query.Code);
        var unit = UnitRequest.Resolve(indicator.Code, indicator.Unit, query.Unit);

        var parks = (await connection.QueryAsync<(long Id, string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select id, code, name_zh, name_en from parks where code = any(@Codes)", new { Codes = query.Parks.ToArray() }, cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Code);
        if (query.Parks.FirstOrDefault(code => !parks.ContainsKey(code)) is { } unknown)
        {
            throw ParkErrors.NotFound(unknown);
        }

        Period? period = query.Period is not null && Period.TryParse(query.Period, out var p) ? p : null;
        var sql = ObservationRow.Select(query.AsOf is not null, distinctOn: "o.park_id") + Filter;
        var rows = (await connection.QueryAsync<ObservationRow>(new CommandDefinition(sql, new
        {
            IndicatorId = indicator.Id,
            ParkIds = parks.Values.Select(x => x.Id).ToArray(),
            Period = period?.Canonical,
            Cutoff = query.AsOf?.ToUniversalTime(),
        }, cancellationToken: cancellationToken))).ToDictionary(r => r.ParkCode);

        return new IndicatorComparisonDto
        {
            IndicatorCode = indicator.Code,
            Name = Lang.Pick(indicator.NameZh, indicator.NameEn),
            Unit = unit,
            Period = period?.Canonical,
            Items = query.Parks.Distinct().Select(code =>
            {
                var park = parks[code];
                var row = rows.GetValueOrDefault(code);
                return new IndicatorComparisonItem
                {
                    ParkCode = code,
                    ParkName = Lang.Pick(park.NameZh, park.NameEn),
                    Value = row is null ? null : Units.Convert(row.Value, indicator.Unit, unit),
                    Period = row?.Period,
                    AsOf = row?.AsOf,
                    Breakdown = row is null ? [] : StoredBreakdown.Values(indicator.Breakdown, row.BreakdownValues, v => Units.Convert(v, indicator.Unit, unit)),
                };
            }).ToList(),
        };
    }
}
