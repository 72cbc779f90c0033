using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.SubmitRound;

public sealed record SubmitRoundCommand(string DataSet, string Period, string Park, SubmitRoundRequest Body) : ICommand<Unit>;

public sealed class SubmitRoundValidator : AbstractValidator<SubmitRoundCommand>
{
    public SubmitRoundValidator()
    {
        RuleFor(c => c.Park).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.Comment).MaximumLength(2000);
        RuleFor(c => c.Body.Explanations).NotNull().MustHaveAtMost(100);
        RuleForEach(c => c.Body.Explanations).SetValidator(new ExplanationValidator());
    }
}

public sealed class ExplanationValidator : AbstractValidator<ExplanationFields>
{
    public ExplanationValidator()
    {
        RuleFor(e => e.RuleCode).NotEmpty().MustBeCode();
        RuleFor(e => e.Text).Must(text => !string.IsNullOrWhiteSpace(text)).MaximumLength(2000)
            .WithMessage(_ => Infrastructure.Localization.Lang.Pick("说明不能为空，最多 2000 个字符。", "An explanation is 1–2000 characters."));
    }
}

/// <summary>A park submits its round: see <see cref="RoundSubmission"/>.</summary>
public sealed class SubmitRoundHandler(RoundSubmission submission) : IRequestHandler<SubmitRoundCommand, Unit>
{
    public async Task<Unit> Handle(SubmitRoundCommand command, CancellationToken cancellationToken)
    {
        await submission.SubmitAsync(command.DataSet, command.Period, command.Park, command.Body.Comment, command.Body.Explanations, cancellationToken);
        return Unit.Value;
    }
}
