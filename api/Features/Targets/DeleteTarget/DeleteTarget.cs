using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using MediatR;

namespace Gaoxin.Api.Features.Targets.DeleteTarget;

public sealed record DeleteTargetCommand(string Indicator, string Park, string Period, string? Member, string? Note, IfMatch? IfMatch) : ICommand<Unit>;

public sealed class DeleteTargetValidator : AbstractValidator<DeleteTargetCommand>
{
    public DeleteTargetValidator()
    {
        RuleFor(c => c.Indicator).NotEmpty().MustBeCode();
        RuleFor(c => c.Park).NotEmpty().MustBeCode();
        RuleFor(c => c.Period).NotEmpty().MustBePeriod();
        RuleFor(c => c.Note).MaximumLength(ObservationRules.MaxNoteLength);
    }
}

/// <summary>Removes a target; its history keeps every earlier version and records the deletion, with the note.</summary>
public sealed class DeleteTargetHandler(DbSession session, TimeProvider clock, ICaller caller) : IRequestHandler<DeleteTargetCommand, Unit>
{
    public async Task<Unit> Handle(DeleteTargetCommand command, CancellationToken cancellationToken)
    {
        var key = await TargetWrites.ResolveAsync(session, caller, command.Indicator, command.Park, command.Period, command.Member, cancellationToken);
        var version = await session.ExecuteScalarAsync<int?>("select version from targets where code = @Code for update", new { key.Code }, cancellationToken)
            ?? throw TargetErrors.NotFound(key.Code);
        command.IfMatch.Check(version);
        await session.ExecuteAsync(TargetWrites.InsertRevision, new
        {
            key.Code, Action = "deleted", Note = ObservationRules.NormaliseNote(command.Note), RecordedAt = clock.GetUtcNow(), RecordedBy = caller.DisplayName,
        }, cancellationToken);
        await session.ExecuteAsync("delete from targets where code = @Code", new { key.Code }, cancellationToken);
        return Unit.Value;
    }
}
