using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.CreatePolicyRelation;

public sealed record CreatePolicyRelationCommand(string Id, CreatePolicyRelationRequest Body) : ICommand<long>;

public sealed class CreatePolicyRelationValidator : AbstractValidator<CreatePolicyRelationCommand>
{
    public CreatePolicyRelationValidator()
    {
        RuleFor(c => c.Body.Kind).IsInEnum();
        RuleFor(c => c.Body.TargetId).NotEmpty().Matches(CommonRules.CodePattern);
        RuleFor(c => c.Body.TargetId).NotEqual(c => c.Id)
            .WithMessage(_ => Lang.Pick("文件不能与自己建立关系。", "A document cannot relate to itself."));
        RuleFor(c => c.Body.Note).MustBeText(1000, required: false).When(c => c.Body.Note is not null);
    }
}

/// <summary>Adds an effect of this document on another; repeals and supersessions change the target's status from their date.</summary>
public sealed class CreatePolicyRelationHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<CreatePolicyRelationCommand, long>
{
    private const string Insert = """
        insert into policy_relations (from_policy_id, to_policy_id, kind, effective_on, note_zh, note_en)
        values (@FromId, @ToId, @Kind, @EffectiveOn, @NoteZh, @NoteEn)
        on conflict (from_policy_id, to_policy_id, kind) do nothing
        returning id
        """;

    public async Task<long> Handle(CreatePolicyRelationCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var body = command.Body;
        var from = await PolicyWrites.FindAsync(session, command.Id, forUpdate: false, cancellationToken);
        var to = await PolicyWrites.FindAsync(session, body.TargetId, forUpdate: false, cancellationToken);
        if (body.Kind == RelationKind.Implements && (from.Role != PolicyRole.Supporting || to.Role != PolicyRole.Core))
        {
            throw PolicyErrors.ImplementsNeedsCore(command.Id, body.TargetId);
        }
        var relationId = await session.ExecuteScalarAsync<long?>(Insert, new
        {
            FromId = from.Id,
            ToId = to.Id,
            Kind = body.Kind.ToDb(),
            body.EffectiveOn,
            NoteZh = body.Note?.Zh,
            NoteEn = body.Note?.En,
        }, cancellationToken) ?? throw PolicyErrors.RelationExists(command.Id, body.TargetId, body.Kind.ToDb());
        await PolicyWrites.RecordNewVersionAsync(session, [from.Id, to.Id], clock.GetUtcNow(), caller.DisplayName, cancellationToken);
        return relationId;
    }
}
