using FluentValidation;
using Gaoxin.Api.Features.Rounds.SubmitRound;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.PutRoundExplanations;

public sealed record PutRoundExplanationsCommand(string DataSet, string Period, string Park, ExplanationsRequest Body) : ICommand<Unit>;

public sealed class PutRoundExplanationsValidator : AbstractValidator<PutRoundExplanationsCommand>
{
    public PutRoundExplanationsValidator()
    {
        RuleFor(c => c.Park).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.Explanations).NotEmpty().MustHaveAtMost(100);
        RuleForEach(c => c.Body.Explanations).SetValidator(new ExplanationValidator());
    }
}

/// <summary>
/// Keeps explanations before a submission, for a park that submits by import or fills them in over time. Only the
/// park's reporter, and only while the round can still be submitted: once submitted, they are part of what is reviewed.
/// </summary>
public sealed class PutRoundExplanationsHandler(RoundTransitions transitions, RoundSubmission submission) : IRequestHandler<PutRoundExplanationsCommand, Unit>
{
    public async Task<Unit> Handle(PutRoundExplanationsCommand command, CancellationToken cancellationToken)
    {
        var context = await transitions.BeginAsync(command.DataSet, command.Period, command.Park, RoundAction.Submit, cancellationToken);
        await submission.ExplainAsync(context, command.Body.Explanations, cancellationToken);
        return Unit.Value;
    }
}
