using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

/// <summary>Illustrative parks for write tests; never seed data.</summary>
public static class ParkRequests
{
    public static CreateParkRequest MakerSpace(string code = "test-maker-space", string parent = "haidong") => new()
    {
        Code = code,
        Kind = ParkKind.MakerSpace,
        ParentCode = parent,
        Name = new LocalizedText { Zh = "测试众创空间", En = "Test maker space" },
        Description = new LocalizedText { Zh = "仅供测试。", En = "For tests only." },
        AccreditationLevel = AccreditationLevel.Provincial,
        LandArea = new AreaDto { Value = 12.5m, Unit = AreaUnit.Mu },
        Status = ParkStatus.Planned,
        DevelopmentPhase = DevelopmentPhase.NearTerm,
        SourceCode = "article-2023-03-31",
    };

    /// <summary>What an editor sends back to change nothing: the API's own rule (ParkWrites.FieldsOf).</summary>
    public static UpdateParkRequest UpdateOf(ParkDto park) => Gaoxin.Api.Features.Parks.ParkWrites.FieldsOf(park);
}
