using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Observations.DeleteObservation;

public sealed record DeleteObservationCommand(string Indicator, string Park, string Period, string? Note, IfMatch? IfMatch)
    : ICommand<Unit>, IObservationKey;

public sealed class DeleteObservationValidator : AbstractValidator<DeleteObservationCommand>
{
    public DeleteObservationValidator()
    {
        this.AddKeyRules();
        RuleFor(c => c.Note).MaximumLength(2000);
    }
}

/// <summary>Removes the current figure; its history keeps every earlier value and records the deletion.</summary>
public sealed class DeleteObservationHandler(DbSession session, TimeProvider clock, ICaller caller) : IRequestHandler<DeleteObservationCommand, Unit>
{
    private const string Delete = """
        delete from observations
        where indicator_id = @IndicatorId and park_id = @ParkId and period_start = @PeriodStart and period = @Period
        returning version
        """;

    public async Task<Unit> Handle(DeleteObservationCommand command, CancellationToken cancellationToken)
    {
        var (indicatorId, parkId, period) = await session.ResolveAsync(command, cancellationToken);
        await caller.EnsureWithinAsync(session, parkId, command.Park, cancellationToken);
        await Rounds.RoundLocks.EnsureWritableAsync(session, clock, indicatorId, parkId, command.Park, period, cancellationToken);
        var keyValues = new { IndicatorId = indicatorId, ParkId = parkId, PeriodStart = period.Start, Period = period.Canonical };
        var current = await session.ExecuteScalarAsync<int?>("""
            select version from observations
            where indicator_id = @IndicatorId and park_id = @ParkId and period_start = @PeriodStart and period = @Period for update
            """, keyValues, cancellationToken) ?? throw ObservationErrors.NotFound(command.Indicator, command.Park, period.Canonical);
        command.IfMatch.Check(current);
        var version = await session.ExecuteScalarAsync<int>(Delete, keyValues, cancellationToken);

        await session.ExecuteAsync(ObservationRevisions.Insert, new
        {
            IndicatorId = indicatorId, ParkId = parkId, Period = period.Canonical, PeriodStart = period.Start, PeriodEnd = period.End,
            Action = "deleted", Version = version + 1, Value = (decimal?)null, Breakdown = (string?)null, AsOf = (DateOnly?)null,
            SourceId = (long?)null, Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(),
            RecordedAt = clock.GetUtcNow(), RecordedBy = caller.DisplayName,
        }, cancellationToken);
        return Unit.Value;
    }
}
