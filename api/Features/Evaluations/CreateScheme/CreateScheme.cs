using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Evaluations;
using MediatR;

namespace Gaoxin.Api.Features.Evaluations.CreateScheme;

/// <summary>Returns the new scheme's code; the endpoint reads it back once committed (its recordedAt is the commit's).</summary>
public sealed record CreateSchemeCommand(CreateSchemeRequest Body) : ICommand<string>;

public sealed class CreateSchemeValidator : AbstractValidator<CreateSchemeCommand>
{
    public CreateSchemeValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new SchemeFieldsValidator());
    }
}

/// <summary>A new scheme and its version 1; the tree is checked whole before anything is written.</summary>
public sealed class CreateSchemeHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<CreateSchemeCommand, string>
{
    public async Task<string> Handle(CreateSchemeCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var body = command.Body;
        SchemeRules.CheckTree(body.Root);
        await SchemeRules.CheckIndicatorsAsync(session, body.Root, cancellationToken);
        var id = await session.ExecuteScalarAsync<long?>("""
            insert into evaluation_schemes (code, name_zh, name_en) values (@Code, @NameZh, @NameEn)
            on conflict (code) do nothing returning id
            """, new { body.Code, NameZh = body.Names.Zh.Trim(), NameEn = body.Names.En.Trim() }, cancellationToken)
            ?? throw SchemeErrors.CodeTaken(body.Code);
        await session.ExecuteAsync("""
            insert into evaluation_scheme_versions (scheme_id, version, content, recorded_at, recorded_by)
            values (@id, 1, @content::jsonb, @recordedAt, @recordedBy)
            """, new { id, content = SchemeVersionRow.Content(body), recordedAt = clock.GetUtcNow(), recordedBy = caller.DisplayName }, cancellationToken);
        return body.Code;
    }
}
