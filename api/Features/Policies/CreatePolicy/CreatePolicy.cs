using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.CreatePolicy;

public sealed record CreatePolicyCommand(CreatePolicyRequest Body) : ICommand<string>;

public sealed class CreatePolicyValidator : AbstractValidator<CreatePolicyCommand>
{
    public CreatePolicyValidator()
    {
        RuleFor(c => c.Body.Id).NotEmpty().Length(2, 80).Matches(CommonRules.CodePattern);
        RuleFor(c => c.Body).SetValidator(new PolicyFieldsValidator());
    }
}

/// <summary>Creates the document, its parks, its implements relation and its first version; returns its id.</summary>
public sealed class CreatePolicyHandler(DbSession session, TimeProvider clock, ICaller caller) : IRequestHandler<CreatePolicyCommand, string>
{
    private const string Insert = """
        insert into policies (code, document_number, title_zh, title_en, summary_zh, summary_en, body_zh, body_en, issuer_id, role,
                              categories, industries, drafted_on, issued_on, effective_from, expires_on, illustrative)
        values (@Code, @DocumentNumber, @TitleZh, @TitleEn, @SummaryZh, @SummaryEn, @BodyZh, @BodyEn, @IssuerId, @Role,
                @Categories, @Industries, @DraftedOn, @IssuedOn, @EffectiveFrom, @ExpiresOn, @Illustrative)
        on conflict (code) do nothing
        returning id, version
        """;

    public async Task<string> Handle(CreatePolicyCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var body = command.Body;
        var (issuerId, parkIds, implements) = await PolicyWrites.ResolveAsync(session, body.Id, body, cancellationToken);
        await PolicyWrites.EnsureDocumentNumberFreeAsync(session, body.DocumentNumber, exceptId: null, cancellationToken);

        var parameters = new DynamicParameters(PolicyWrites.Columns(body, issuerId));
        parameters.Add("Code", body.Id);
        // A document deleted before continues its versions (migration 0011), so the first version comes from the database.
        var (id, version) = await session.QuerySingleOrDefaultAsync<(long Id, int Version)?>(Insert, parameters, cancellationToken) ?? throw PolicyErrors.IdTaken(body.Id);

        await PolicyWrites.SaveDependentsAsync(session, id, body, parkIds, implements, version, clock.GetUtcNow(), caller.DisplayName, cancellationToken);
        return body.Id;
    }
}
