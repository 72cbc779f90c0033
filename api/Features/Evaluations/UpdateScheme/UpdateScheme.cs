using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Evaluations;
using MediatR;

namespace Gaoxin.Api.Features.Evaluations.UpdateScheme;

/// <summary>
/// A new version of a scheme. The body is the scheme as read (a <see cref="SchemeDto"/>) or just its content.
/// Answers whether a version was written (false: the content was the latest version's already).
/// </summary>
public sealed record UpdateSchemeCommand(string Code, SchemeFields Body, IfMatch? IfMatch) : ICommand<bool>;

public sealed class UpdateSchemeValidator : AbstractValidator<UpdateSchemeCommand>
{
    public UpdateSchemeValidator() => RuleFor(c => c.Body).SetValidator(new SchemeFieldsValidator());
}

/// <summary>
/// Versions never change, so results computed with one stay reproducible: a changed content is a new version (the
/// scheme's ETag moves), the same content adds none.
/// </summary>
public sealed class UpdateSchemeHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<UpdateSchemeCommand, bool>
{
    private const string Latest = SchemeVersionRow.Select + "\nwhere s.code = @Code and v.version = s.version";

    public async Task<bool> Handle(UpdateSchemeCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var scheme = await session.QuerySingleOrDefaultAsync<(long Id, int Version)?>("select id, version from evaluation_schemes where code = @Code for update",
            new { command.Code }, cancellationToken) ?? throw SchemeErrors.NotFound(command.Code);
        command.IfMatch.Check(scheme.Version);
        var latest = await session.QuerySingleAsync<SchemeVersionRow>(Latest, new { command.Code }, cancellationToken);
        ReadOnlyMembers.EnsureUnchanged(command.Body, latest.ToDto);
        SchemeRules.CheckTree(command.Body.Root);
        await SchemeRules.CheckIndicatorsAsync(session, command.Body.Root, cancellationToken);

        var content = SchemeVersionRow.Content(command.Body);
        if (content == SchemeVersionRow.Content(latest.Fields))
        {
            return false;
        }
        var version = scheme.Version + 1;
        await session.ExecuteAsync("""
            insert into evaluation_scheme_versions (scheme_id, version, content, recorded_at, recorded_by)
            values (@Id, @version, @content::jsonb, @recordedAt, @recordedBy);
            update evaluation_schemes set version = @version, name_zh = @NameZh, name_en = @NameEn, updated_at = now() where id = @Id;
            """, new { scheme.Id, version, content, recordedAt = clock.GetUtcNow(), recordedBy = caller.DisplayName,
                NameZh = command.Body.Names.Zh.Trim(), NameEn = command.Body.Names.En.Trim() }, cancellationToken);
        return true;
    }
}
