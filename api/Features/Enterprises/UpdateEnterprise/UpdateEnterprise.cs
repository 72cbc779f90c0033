using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Enterprises;
using MediatR;

namespace Gaoxin.Api.Features.Enterprises.UpdateEnterprise;

/// <summary>
/// Replaces an enterprise's record; the body is the enterprise as read (or just its fields). Answers whether anything
/// changed: the same content writes no new version.
/// </summary>
public sealed record UpdateEnterpriseCommand(string Code, EnterpriseFields Body, IfMatch? IfMatch) : ICommand<bool>;

public sealed class UpdateEnterpriseValidator : AbstractValidator<UpdateEnterpriseCommand>
{
    public UpdateEnterpriseValidator() => RuleFor(c => c.Body).SetValidator(new EnterpriseFieldsValidator());
}

public sealed class UpdateEnterpriseHandler(DbSession session, ICaller caller, TimeProvider clock) : IRequestHandler<UpdateEnterpriseCommand, bool>
{
    private const string Find = EnterpriseRow.Current + "\nwhere e.code = @Code\nfor update of e";

    private const string Update = """
        update enterprises set credit_code = @CreditCode, name_zh = @NameZh, name_en = @NameEn, park_id = @ParkId, industries = @Industries,
               qualifications = @Qualifications, content = @Content::jsonb, illustrative = @Illustrative, version = version + 1,
               recorded_at = @RecordedAt, recorded_by = @RecordedBy
        where code = @Code
        """;

    public async Task<bool> Handle(UpdateEnterpriseCommand command, CancellationToken cancellationToken)
    {
        var now = await session.QuerySingleOrDefaultAsync<EnterpriseRow>(Find, new { command.Code }, cancellationToken);
        // Outside the key's parks it does not exist, as reads have it: no 403 that would tell it does.
        if (now is null || !await EnterpriseAccess.MaySeeAsync(session.Connection, session.Transaction, caller, now.ParkId, cancellationToken))
        {
            throw EnterpriseErrors.NotFound(command.Code);
        }
        command.IfMatch.Check(now.Version);
        var parks = await ParkNames.LoadAsync(session.Connection, session.Transaction, cancellationToken);
        ReadOnlyMembers.EnsureUnchanged(command.Body, () => now.ToDto(parks));

        var columns = await EnterpriseWrites.ColumnsAsync(session, caller, command.Code, command.Body, now.Content.Parks, cancellationToken);
        if (columns.Content == now.Content.ToJson())
        {
            return false;
        }
        await session.ExecuteAsync(Update, columns with { RecordedAt = clock.GetUtcNow() }, cancellationToken);
        return true;
    }
}
