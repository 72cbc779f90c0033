using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Parks;
using MediatR;

namespace Gaoxin.Api.Features.Parks.UpdatePark;

/// <summary>Replaces a park's writable fields. The body is the park as read (a <see cref="ParkDto"/>) or just its fields.</summary>
public sealed record UpdateParkCommand(string Code, ParkFields Body, IfMatch? IfMatch) : ICommand<ParkDto>;

public sealed class UpdateParkValidator : AbstractValidator<UpdateParkCommand>
{
    public UpdateParkValidator() => RuleFor(c => c.Body).SetValidator(new ParkFieldsValidator());
}

public sealed class UpdateParkHandler(DbSession session, ICaller caller) : IRequestHandler<UpdateParkCommand, ParkDto>
{
    private const string IsSelfOrDescendant = """
        with recursive below (id) as (
            select id from parks where code = @Code
            union all
            select c.id from parks c join below b on c.parent_id = b.id
        )
        select exists (select 1 from below where id = @ParentId)
        """;

    private const string Sql = """
        update parks set
            kind = @Kind, parent_id = @ParentId, name_zh = @NameZh, name_en = @NameEn,
            description_zh = @DescriptionZh, description_en = @DescriptionEn,
            accreditation_level = @AccreditationLevel, land_area = @LandArea, land_area_unit = @LandAreaUnit,
            status = @Status, development_phase = @DevelopmentPhase, source_id = @SourceId,
            version = version + 1, updated_at = now()
        where code = @Code
        """;

    public async Task<ParkDto> Handle(UpdateParkCommand command, CancellationToken cancellationToken)
    {
        var park = command.Body;
        await session.ExecuteAsync(ParkWrites.LockTree, null, cancellationToken);
        var current = await session.QuerySingleOrDefaultAsync<(long Id, int Version)?>("select id, version from parks where code = @Code for update", new { command.Code }, cancellationToken)
            ?? throw ParkErrors.NotFound(command.Code);
        var id = current.Id;
        await caller.EnsureWithinAsync(session, id, command.Code, cancellationToken); // 403 before 428: who, then which version
        command.IfMatch.Check(current.Version);
        var now = await ParkWrites.ReadRowAsync(session, command.Code, cancellationToken);
        ReadOnlyMembers.EnsureUnchanged(park, now.ToDto);

        var references = await ParkWrites.ResolveAsync(session, park, cancellationToken);
        if (references.ParentId is { } parentId &&
            await session.ExecuteScalarAsync<bool>(IsSelfOrDescendant, new { command.Code, ParentId = parentId }, cancellationToken))
        {
            throw ParkErrors.ParentCycle(command.Code, park.ParentCode!);
        }
        await ParkWrites.EnsurePlacementAsync(session, caller, command.Code, park.ParentCode, references, cancellationToken);
        await ParkWrites.EnsureSingleZoneAsync(session, park.Kind, exceptCode: command.Code, cancellationToken);

        var parameters = new Dapper.DynamicParameters(ParkWrites.Columns(park, references));
        parameters.Add("Code", command.Code);
        await session.ExecuteAsync(Sql, parameters, cancellationToken);
        return await ParkWrites.ReadAsync(session, command.Code, cancellationToken);
    }
}
