using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Targets;
using MediatR;

namespace Gaoxin.Api.Features.Targets.ListTargets;

public sealed record ListTargetsQuery(string? Indicator, string? Park, bool IncludeDescendants, TargetStatus? Status, DateOnly? DueBefore,
    DateOnly? On, DateTimeOffset? AsOf, IndicatorUnit? Unit, string? Cursor, int Limit) : IQuery<TargetPage>
{
    public const int DefaultLimit = 100;
}

public sealed class ListTargetsValidator : AbstractValidator<ListTargetsQuery>
{
    public ListTargetsValidator()
    {
        RuleFor(q => q.Indicator).MustBeCode().When(q => q.Indicator is not null);
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>
/// Targets by code, filtered by indicator, park (and its sub-parks), due date and status on a day. The status is
/// computed, not stored, so a status filter is applied to the computed answers; targets are few (hundreds for a
/// zone), so that stays cheap.
/// </summary>
public sealed class ListTargetsHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<ListTargetsQuery, TargetPage>
{
    public async Task<TargetPage> Handle(ListTargetsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (query.Indicator is { } indicator)
        {
            await TargetReads.EnsureIndicatorAsync(connection, indicator, cancellationToken);
        }
        long? parkId = query.Park is { } park ? (await TargetReads.ParkAsync(connection, park, cancellationToken)).Id : null;
        CodeCursor.TryDecode(query.Cursor, out var after);
        var on = query.On ?? clock.Today();
        var rows = await TargetReads.ReadAsync(connection, new TargetFilter(query.Indicator, parkId, query.IncludeDescendants, query.DueBefore, after),
            query.AsOf, on, cancellationToken);

        var wanted = new List<(TargetRow Row, TargetStatusDto Dto)>();
        foreach (var row in rows)
        {
            var dto = row.ToStatusDto(on, UnitRequest.Resolve(row.IndicatorCode, row.Unit, query.Unit));
            if (query.Status is null || dto.Status == query.Status)
            {
                wanted.Add((row, dto));
                if (wanted.Count > query.Limit)
                {
                    break;
                }
            }
        }
        var (items, next) = Keyset.Page(wanted, query.Limit, w => w.Dto, w => CodeCursor.Encode(w.Row.Code));
        return new TargetPage { Items = items, NextCursor = next, On = on };
    }
}
