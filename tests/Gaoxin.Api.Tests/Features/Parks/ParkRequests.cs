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
        Names = new LocalizedText { Zh = "测试众创空间", En = "Test maker space" },
        Descriptions = new LocalizedText { Zh = "仅供测试。", En = "For tests only." },
        AccreditationLevel = AccreditationLevel.Provincial,
        LandArea = new AreaDto { Value = 12.5m, Unit = AreaUnit.Mu },
        Status = ParkStatus.Planned,
        DevelopmentPhase = DevelopmentPhase.NearTerm,
        SourceCode = "article-2023-03-31",
    };
}
