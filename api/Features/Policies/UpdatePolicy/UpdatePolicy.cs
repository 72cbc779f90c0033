using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Features.Policies.GetPolicy;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.UpdatePolicy;

/// <summary>Replaces a document's content. The body is the document as read (a <see cref="PolicyDto"/>) or just its content.</summary>
public sealed record UpdatePolicyCommand(string Id, PolicyFields Body, IfMatch? IfMatch) : ICommand<Unit>;

public sealed class UpdatePolicyValidator : AbstractValidator<UpdatePolicyCommand>
{
    public UpdatePolicyValidator() => RuleFor(c => c.Body).SetValidator(new PolicyFieldsValidator());
}

/// <summary>
/// Replaces the content and keeps the previous one as a version. Saving the same content again changes nothing and
/// adds no version.
/// </summary>
public sealed class UpdatePolicyHandler(DbSession session, TimeProvider clock, ICaller caller, IMediator mediator) : IRequestHandler<UpdatePolicyCommand, Unit>
{
    private const string Update = """
        update policies set
            document_number = @DocumentNumber, title_zh = @TitleZh, title_en = @TitleEn, summary_zh = @SummaryZh, summary_en = @SummaryEn,
            body_zh = @BodyZh, body_en = @BodyEn, issuer_id = @IssuerId, role = @Role, categories = @Categories, industries = @Industries,
            drafted_on = @DraftedOn, issued_on = @IssuedOn, effective_from = @EffectiveFrom, expires_on = @ExpiresOn,
            illustrative = @Illustrative, version = @Version, updated_at = @RecordedAt
        where id = @Id
        """;

    private const string LatestContent = "select content::text from policy_versions where policy_id = @Id order by version desc limit 1";

    public async Task<Unit> Handle(UpdatePolicyCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var policy = await PolicyWrites.FindAsync(session, command.Id, forUpdate: true, cancellationToken);
        command.IfMatch.Check(await session.ExecuteScalarAsync<int>("select version from policies where id = @Id", new { policy.Id }, cancellationToken));
        // The document as GET shows it now (this transaction holds its row, so it cannot change meanwhile).
        await ReadOnlyMembers.EnsureUnchangedAsync(command.Body, async () => await mediator.Send(new GetPolicyQuery(command.Id, null), cancellationToken));
        var (issuerId, parkIds, implements) = await PolicyWrites.ResolveAsync(session, command.Id, command.Body, cancellationToken);
        await PolicyWrites.EnsureDocumentNumberFreeAsync(session, command.Body.DocumentNumber, exceptId: policy.Id, cancellationToken);
        if (policy.Role == PolicyRole.Core && command.Body.Role != PolicyRole.Core)
        {
            await PolicyWrites.EnsureNotImplementedAsync(session, policy, cancellationToken);
        }

        var latest = await session.ExecuteScalarAsync<string?>(LatestContent, new { policy.Id }, cancellationToken);
        if (latest is not null && PolicyWrites.Snapshot(PolicyWrites.ReadSnapshot(latest)) == PolicyWrites.Snapshot(command.Body))
        {
            return Unit.Value;
        }

        var version = await session.ExecuteScalarAsync<int>("select version + 1 from policies where id = @Id", new { policy.Id }, cancellationToken);
        var recordedAt = clock.GetUtcNow();
        var parameters = new DynamicParameters(PolicyWrites.Columns(command.Body, issuerId));
        parameters.AddDynamicParams(new { policy.Id, Version = version, RecordedAt = recordedAt });
        await session.ExecuteAsync(Update, parameters, cancellationToken);
        await PolicyWrites.SaveDependentsAsync(session, policy.Id, command.Body, parkIds, implements, version, recordedAt, caller.DisplayName, cancellationToken);
        return Unit.Value;
    }
}
