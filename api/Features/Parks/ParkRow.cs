using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Features.Parks;

/// <summary>A park as every park query reads it: both languages, its parent's code and its source.</summary>
public sealed class ParkRow : SourceColumns
{
    /// <summary>The columns of <see cref="ParkRow"/>; queries add their own where and order by.</summary>
    public const string Select = $"""
        select p.code, p.kind, parent.code as parent_code,
               p.name_zh, p.name_en, p.description_zh, p.description_en,
               p.accreditation_level, p.land_area, p.land_area_unit, p.status, p.development_phase,
               {SourceColumns.Columns},
               (select count(*) from parks c where c.parent_id = p.id)::int as child_count,
               p.version, p.updated_at
        from parks p
        left join parks parent on parent.id = p.parent_id
        left join sources s on s.id = p.source_id
        """;

    public string Code { get; init; } = "";
    public ParkKind Kind { get; init; }
    public string? ParentCode { get; init; }
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string DescriptionZh { get; init; } = "";
    public string DescriptionEn { get; init; } = "";
    public AccreditationLevel? AccreditationLevel { get; init; }
    public decimal? LandArea { get; init; }
    public AreaUnit? LandAreaUnit { get; init; }
    public ParkStatus? Status { get; init; }
    public DevelopmentPhase? DevelopmentPhase { get; init; }
    public int ChildCount { get; init; }
    public int Version { get; init; }
    public DateTime UpdatedAt { get; init; }

    public ParkDto ToDto() => new()
    {
        Code = Code,
        Kind = Kind,
        ParentCode = ParentCode,
        Name = Lang.Pick(NameZh, NameEn),
        Description = Lang.Pick(DescriptionZh, DescriptionEn),
        Names = new LocalizedText { Zh = NameZh, En = NameEn },
        Descriptions = new LocalizedText { Zh = DescriptionZh, En = DescriptionEn },
        SourceCode = SourceCode,
        AccreditationLevel = AccreditationLevel,
        LandArea = LandArea is { } area && LandAreaUnit is { } unit ? new AreaDto { Value = area, Unit = unit } : null,
        Status = Status,
        DevelopmentPhase = DevelopmentPhase,
        Source = ToSourceDto(),
        ChildCount = ChildCount,
        Version = Version,
        UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)),
    };
}
