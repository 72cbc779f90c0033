using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Features.Parks.CreatePark;
using Gaoxin.Api.Features.Parks.UpdatePark;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Parks;
using MediatR;

using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>Parks by code: new codes are created, known ones updated; a parent must come before its children.</summary>
public sealed class ParkImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Parks;

    IReadOnlyList<string> IImporter.Columns => Columns;

    public static readonly string[] Columns =
    [
        "code", "kind", "parent_code", "name_zh", "name_en", "description_zh", "description_en",
        "accreditation_level", "land_area", "land_area_unit", "status", "development_phase", "source",
    ];

    protected override string? ColumnOf(string field) => field switch
    {
        "landArea.value" => "land_area",
        "landArea.unit" => "land_area_unit",
        "sourceCode" => "source",
        _ => base.ColumnOf(field),
    };

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var ok = true;
        var code = Required(row, 0, "code", tally, ref ok);
        ok &= TryEnum<ParkKind>(row, 1, "kind", tally, out var kind);
        var nameZh = Required(row, 3, "name_zh", tally, ref ok);
        var nameEn = Required(row, 4, "name_en", tally, ref ok);
        ok &= TryEnum<AccreditationLevel>(row, 7, "accreditation_level", tally, out var level);
        ok &= TryEnum<AreaUnit>(row, 9, "land_area_unit", tally, out var unit);
        ok &= TryEnum<ParkStatus>(row, 10, "status", tally, out var status);
        ok &= TryEnum<DevelopmentPhase>(row, 11, "development_phase", tally, out var phase);
        AreaDto? area = null;
        if (row.Get(8) is { } areaText)
        {
            if (!ImportValues.TryDecimal(areaText, out var value))
            {
                tally.Problem(row.Line, "land_area", Problems.ImportInvalidValue, ImportValues.NotANumber("land_area", areaText));
                ok = false;
            }
            else if (unit is null)
            {
                tally.Problem(row.Line, "land_area_unit", Problems.ImportMissingValue, ImportValues.Missing("land_area_unit"));
                ok = false;
            }
            else
            {
                area = new AreaDto { Value = value, Unit = unit.Value };
            }
        }
        if (kind is null && row.Get(1) is null)
        {
            tally.Problem(row.Line, "kind", Problems.ImportMissingValue, ImportValues.Missing("kind"));
            ok = false;
        }
        if (!ok)
        {
            throw new RowRejectedException();
        }

        var fields = new ParkFields
        {
            Kind = kind!.Value,
            ParentCode = row.Get(2),
            Names = new LocalizedText { Zh = nameZh, En = nameEn },
            Descriptions = new LocalizedText { Zh = row.Get(5) ?? "", En = row.Get(6) ?? "" },
            AccreditationLevel = level,
            LandArea = area,
            Status = status,
            DevelopmentPhase = phase,
            SourceCode = row.Get(12),
        };

        var exists = await Session.ExecuteScalarAsync<bool>("select exists (select 1 from parks where code = @code)", new { code }, cancellationToken);
        if (!exists)
        {
            await Mediator.Send(new CreateParkCommand(new CreateParkRequest
            {
                Code = code, Kind = fields.Kind, ParentCode = fields.ParentCode, Names = fields.Names, Descriptions = fields.Descriptions,
                AccreditationLevel = fields.AccreditationLevel, LandArea = fields.LandArea, Status = fields.Status,
                DevelopmentPhase = fields.DevelopmentPhase, SourceCode = fields.SourceCode,
            }), cancellationToken);
            return RowOutcome.Created;
        }

        ParkFields current = await ParkWrites.ReadAsync(Session, code, cancellationToken);
        if (Unchanged.Same(ParkWrites.Columns(current, await ParkWrites.ResolveAsync(Session, current, cancellationToken)),
                           ParkWrites.Columns(fields, await ParkWrites.ResolveAsync(Session, fields, cancellationToken))))
        {
            return RowOutcome.Unchanged;
        }
        await Mediator.Send(new UpdateParkCommand(code, fields, new IfMatch(true, new HashSet<int>())), cancellationToken);
        return RowOutcome.Updated;
    }
}
