using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Rounds.GetRoundStatus;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.ListRounds;

/// <summary>
/// A data set's rounds from <paramref name="From"/> to <paramref name="To"/> (at most <see cref="MaxRounds"/>), each
/// with every park's state and completeness: the parks × rounds matrix. Without <paramref name="To"/>, the last round
/// whose period has ended; without <paramref name="From"/>, the rounds back to <see cref="DefaultRounds"/> before it.
/// </summary>
public sealed record ListRoundsQuery(string DataSet, string? From, string? To) : IQuery<RoundMatrixDto>
{
    public const int MaxRounds = 24;
    public const int DefaultRounds = 4;
}

public sealed class ListRoundsValidator : AbstractValidator<ListRoundsQuery>
{
    public ListRoundsValidator()
    {
        RuleFor(q => q.From).MustBePeriod();
        RuleFor(q => q.To).MustBePeriod();
    }
}

public sealed class ListRoundsHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<ListRoundsQuery, RoundMatrixDto>
{
    public async Task<RoundMatrixDto> Handle(ListRoundsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var set = await DataSetRow.LoadAsync(connection, null, query.DataSet, cancellationToken);
        var type = set.Fields.PeriodType;
        var first = ReportingPeriods.Parse(set.Fields.ValidFrom, type)!;
        var last = query.To is null ? ReportingPeriods.Previous(ReportingPeriods.Containing(clock.Today(), type)) : set.PeriodOf(query.To);
        // A span may start before the set does: its rounds start where the set does.
        var from = query.From is null ? null : ReportingPeriods.Parse(query.From, type) ?? set.PeriodOf(query.From);
        var start = from is null || from.Start < first.Start ? first : from;
        var periods = last.Start < first.Start ? [] : ReportingPeriods.Between(start, last, from is null ? ListRoundsQuery.DefaultRounds : ListRoundsQuery.MaxRounds);
        var book = await RoundBook.LoadAsync(connection, null, set, periods, clock.Today(), clock.GetUtcNow(), cancellationToken);
        return new RoundMatrixDto
        {
            DataSet = set.ToDto(),
            Rounds = periods.Select(p => GetRoundStatusHandler.Status(book, p)).ToList(),
        };
    }
}
