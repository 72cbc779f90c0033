using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Enterprises.GetEnterpriseMatches;

public sealed record GetEnterpriseMatchesQuery(string Code, DateOnly? On) : IQuery<EnterpriseMatchesDto>;

/// <summary>
/// Every measure in force on the day that the enterprise meets, might meet or partly meets, judged from its record:
/// each condition with the fact and that fact's date, and what data would decide the rest.
/// </summary>
public sealed class GetEnterpriseMatchesHandler(ReadDatabase db, ICaller caller, TimeProvider clock, MatchCache cache) : IRequestHandler<GetEnterpriseMatchesQuery, EnterpriseMatchesDto>
{
    public async Task<EnterpriseMatchesDto> Handle(GetEnterpriseMatchesQuery query, CancellationToken cancellationToken)
    {
        var day = query.On ?? clock.Today();
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var enterprise = (await EnterpriseRecord.LoadAsync(connection, null, [query.Code], cancellationToken)).SingleOrDefault();
        if (enterprise is null || !await EnterpriseAccess.MaySeeAsync(connection, null, caller, enterprise.ParkId, cancellationToken))
        {
            throw EnterpriseErrors.NotFound(query.Code);
        }
        var catalogue = await cache.CatalogueAsync(connection, day, cancellationToken);
        var facts = enterprise.FactsOn(day, catalogue);
        var judge = new ConditionJudge(facts, day, catalogue.Parks.InRequestLanguage(), fromRecord: true);

        var items = catalogue.Measures
            .Select(m => (Measure: m, Status: MatchRules.Status(m.Conditions, facts, day)))
            .Where(m => m.Status != MatchStatus.NotMet)
            .OrderBy(m => m.Status) // stable: the catalogue's policy and measure order within each status
            .Select(m =>
            {
                var (status, conditions) = judge.Judge(m.Measure.Conditions);
                return new EnterpriseMeasureMatch
                {
                    Measure = m.Measure.Measure.ToDto(),
                    Policy = m.Measure.Policy.ToRef(),
                    Status = status,
                    Conditions = conditions,
                    Missing = conditions.Where(c => c.Outcome == ConditionOutcome.Unknown).Select(c => c.Kind).Distinct().ToList(),
                    MaxSupport = m.Measure.Measure.MaxSupport,
                };
            }).ToList();

        return new EnterpriseMatchesDto
        {
            EnterpriseCode = enterprise.Code,
            On = day,
            Items = items,
            MaxTotalSupport = items.Where(i => i.Status == MatchStatus.Met).Sum(i => i.MaxSupport ?? 0),
            MaxTotalSupportIfUnknownsMet = items.Where(i => i.Status is MatchStatus.Met or MatchStatus.Unknown).Sum(i => i.MaxSupport ?? 0),
            Missing = items.SelectMany(i => i.Missing).Distinct().Order().ToList(),
        };
    }
}
