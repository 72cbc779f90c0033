using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.UnlockRound;

public sealed record UnlockRoundCommand(string DataSet, string Period, string Park, UnlockRoundRequest Body) : ICommand<Unit>;

public sealed class UnlockRoundValidator : AbstractValidator<UnlockRoundCommand>
{
    public UnlockRoundValidator()
    {
        RuleFor(c => c.Park).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.Reason).Must(reason => !string.IsNullOrWhiteSpace(reason)).MaximumLength(2000)
            .WithMessage(_ => Lang.Pick("解锁须说明原因（1–2000 个字符）。", "An unlock needs its reason (1–2000 characters)."));
        RuleFor(c => c.Body.Hours).InclusiveBetween(1, 168);
    }
}

/// <summary>
/// An admin's exception to a lock, for a few hours at most: the park's figures can be written meanwhile whatever the
/// state (every write lands in their history), and the lock returns by itself when it runs out. The state does not
/// change; the unlock is in the audit log and the round's history.
/// </summary>
public sealed class UnlockRoundHandler(DbSession session, RoundTransitions transitions, ICaller caller, TimeProvider clock) : IRequestHandler<UnlockRoundCommand, Unit>
{
    public async Task<Unit> Handle(UnlockRoundCommand command, CancellationToken cancellationToken)
    {
        var context = await transitions.BeginAsync(command.DataSet, command.Period, command.Park, RoundAction.Unlock, cancellationToken);
        if (context.Book.Summary(context.Park, context.Period).Lock is null)
        {
            throw RoundErrors.TransitionNotAllowed(RoundAction.Unlock, context.State);
        }
        var now = clock.GetUtcNow();
        await session.ExecuteAsync("""
            insert into round_unlocks (data_set_id, period, park_id, code, reason, until, granted_at, granted_by)
            values (@SetId, @Period, @ParkId, @Code, @Reason, @Until, @Now, @By)
            """, new
        {
            SetId = context.Book.Set.Id, Period = context.Period.Canonical, ParkId = context.Park.Id,
            Code = $"{context.Book.Set.Code}/{context.Period.Canonical}/{context.Park.Code}", Reason = command.Body.Reason.Trim(),
            Until = now.AddHours(command.Body.Hours), Now = now, By = caller.DisplayName,
        }, cancellationToken);
        await transitions.RecordAsync(context, RoundAction.Unlock, command.Body.Reason.Trim(), cancellationToken);
        return Unit.Value;
    }
}
