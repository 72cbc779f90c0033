using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Parks;
using MediatR;

namespace Gaoxin.Api.Features.Parks.CreatePark;

public sealed record CreateParkCommand(CreateParkRequest Body) : ICommand<ParkDto>;

public sealed class CreateParkValidator : AbstractValidator<CreateParkCommand>
{
    public CreateParkValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new ParkFieldsValidator());
    }
}

public sealed class CreateParkHandler(DbSession session, ICaller caller) : IRequestHandler<CreateParkCommand, ParkDto>
{
    // `on conflict do nothing` turns a concurrent insert of the same code into a clean 409 instead of an error.
    private const string Sql = """
        insert into parks (code, kind, parent_id, name_zh, name_en, description_zh, description_en,
                           accreditation_level, land_area, land_area_unit, status, development_phase, source_id)
        values (@Code, @Kind, @ParentId, @NameZh, @NameEn, @DescriptionZh, @DescriptionEn,
                @AccreditationLevel, @LandArea, @LandAreaUnit, @Status, @DevelopmentPhase, @SourceId)
        on conflict (code) do nothing
        """;

    public async Task<ParkDto> Handle(CreateParkCommand command, CancellationToken cancellationToken)
    {
        var park = command.Body;
        var references = await ParkWrites.ResolveAsync(session, park, cancellationToken);
        await ParkWrites.EnsurePlacementAsync(session, caller, park.Code, park.ParentCode, references, cancellationToken);
        await ParkWrites.EnsureSingleZoneAsync(session, park.Kind, exceptCode: null, cancellationToken);

        var parameters = new Dapper.DynamicParameters(ParkWrites.Columns(park, references));
        parameters.Add("Code", park.Code);
        if (await session.ExecuteAsync(Sql, parameters, cancellationToken) == 0)
        {
            throw ParkErrors.CodeTaken(park.Code);
        }
        return await ParkWrites.ReadAsync(session, park.Code, cancellationToken);
    }
}
