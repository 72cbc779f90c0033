using FluentValidation;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.ReviewRound;

/// <summary>A review step on a park's round: approve, return, publish or reopen.</summary>
public sealed record ReviewRoundCommand(string DataSet, string Period, string Park, RoundAction Action, ReviewRoundRequest Body) : ICommand<Unit>;

public sealed class ReviewRoundValidator : AbstractValidator<ReviewRoundCommand>
{
    public ReviewRoundValidator()
    {
        RuleFor(c => c.Park).NotEmpty().MustBeCode();
        RuleFor(c => c.Action).Must(a => a is RoundAction.Approve or RoundAction.Return or RoundAction.Publish or RoundAction.Reopen);
        RuleFor(c => c.Body.Comment).MaximumLength(2000);
        RuleFor(c => c.Body.Comment).Must(comment => !string.IsNullOrWhiteSpace(comment)).When(c => RoundWorkflow.NeedsComment(c.Action))
            .WithMessage(_ => Lang.Pick("退回或重新开放须说明原因（comment）。", "Returning or reopening needs the reason (comment)."));
    }
}

/// <summary>
/// Approval moves up the tree: a park is approved only once every park below it that reports the set is. A park is
/// returned only while the park above has not approved it in turn: that one is returned first.
/// </summary>
public sealed class ReviewRoundHandler(RoundTransitions transitions) : IRequestHandler<ReviewRoundCommand, Unit>
{
    public async Task<Unit> Handle(ReviewRoundCommand command, CancellationToken cancellationToken)
    {
        var context = await transitions.BeginAsync(command.DataSet, command.Period, command.Park, command.Action, cancellationToken);
        if (command.Action == RoundAction.Approve && context.Book.PendingBelow(context.Park, context.Period) is { Count: > 0 } pending)
        {
            throw RoundErrors.SubParksPending(pending);
        }
        if (command.Action == RoundAction.Return && context.Park.ReviewerParkId is { } above && context.Book.ParkById(above) is { } parent
            && context.Book.StateOf(parent, context.Period) is RoundState.Approved or RoundState.Published)
        {
            throw RoundErrors.ParentApproved(parent.Code);
        }
        await transitions.MoveAsync(context, command.Action, command.Body.Comment, cancellationToken);
        return Unit.Value;
    }
}
