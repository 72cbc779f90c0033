using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Targets;
using MediatR;

namespace Gaoxin.Api.Features.Targets.GetScorecard;

public sealed record GetScorecardQuery(string Park, DateOnly? On, DateTimeOffset? AsOf, bool IncludeDescendants) : IQuery<ScorecardDto>;

public sealed class GetScorecardValidator : AbstractValidator<GetScorecardQuery>
{
    public GetScorecardValidator() => RuleFor(q => q.Park).NotEmpty().MustBeCode();
}

/// <summary>Every target of a park (and, when asked, of the parks below it) with where it stands, most urgent first.</summary>
public sealed class GetScorecardHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetScorecardQuery, ScorecardDto>
{
    /// <summary>What needs attention first: a missed or late target before one at risk, and so on to the achieved.</summary>
    private static readonly TargetStatus[] Urgency =
        [TargetStatus.Missed, TargetStatus.Late, TargetStatus.AtRisk, TargetStatus.NoData, TargetStatus.OnTrack, TargetStatus.Achieved];

    public async Task<ScorecardDto> Handle(GetScorecardQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var park = await TargetReads.ParkAsync(connection, query.Park, cancellationToken);
        var on = query.On ?? clock.Today();
        var rows = await TargetReads.ReadAsync(connection, new TargetFilter(null, park.Id, query.IncludeDescendants, null, null), query.AsOf, on, cancellationToken);
        var items = rows.Select(row => row.ToStatusDto(on, row.Unit))
            .OrderBy(item => Array.IndexOf(Urgency, item.Status)).ThenBy(item => item.Target.DueOn).ThenBy(item => item.Target.ParkCode, StringComparer.Ordinal)
            .ThenBy(item => item.Target.IndicatorCode, StringComparer.Ordinal)
            .ToList();
        return new ScorecardDto
        {
            ParkCode = query.Park,
            ParkName = Lang.Pick(park.NameZh, park.NameEn),
            On = on,
            Totals = Enum.GetValues<TargetStatus>().Select(status => new StatusCount { Status = status, Count = items.Count(i => i.Status == status) }).ToList(),
            Items = items,
        };
    }
}
