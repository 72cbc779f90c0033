namespace Gaoxin.Contracts.Parks;

/// <summary>What a place in the zone is. 园区类型。</summary>
public enum ParkKind
{
    /// <summary>The high-tech zone itself, the root of the tree (高新区).</summary>
    Zone,
    /// <summary>A park of the zone (园区).</summary>
    Park,
    /// <summary>A science and technology enterprise incubator (科技企业孵化器).</summary>
    Incubator,
    /// <summary>A maker space (众创空间).</summary>
    MakerSpace,
    /// <summary>An industrial park (产业园).</summary>
    IndustrialPark,
    /// <summary>A research base, laboratory site or research campus (研发基地).</summary>
    ResearchBase,
}

/// <summary>Level of an official accreditation. 认定级别。</summary>
public enum AccreditationLevel
{
    /// <summary>国家级</summary>
    National,
    /// <summary>省级</summary>
    Provincial,
    /// <summary>市级</summary>
    Municipal,
}

/// <summary>State of a place. 建设状态。</summary>
public enum ParkStatus
{
    /// <summary>规划中</summary>
    Planned,
    /// <summary>建设中</summary>
    UnderConstruction,
    /// <summary>运营中</summary>
    Operating,
}

/// <summary>Development phase in the zone's plan. 开发时序。</summary>
public enum DevelopmentPhase
{
    /// <summary>近期</summary>
    NearTerm,
    /// <summary>中期</summary>
    MidTerm,
    /// <summary>远期</summary>
    LongTerm,
}

/// <summary>Unit of an area. 面积单位；1 亩 = 10000/15 m²。</summary>
public enum AreaUnit
{
    /// <summary>亩 (mu), the unit the zone uses: 1 mu = 10000/15 m².</summary>
    Mu,
    /// <summary>公顷 (hectare) = 10000 m².</summary>
    Hectare,
    /// <summary>平方米 (m²).</summary>
    SquareMetre,
}
