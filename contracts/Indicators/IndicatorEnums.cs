namespace Gaoxin.Contracts.Indicators;

/// <summary>What an indicator is about. 指标类别。</summary>
public enum IndicatorCategory
{
    /// <summary>创新资源 (R&amp;D institutions, laboratories, incubators...)</summary>
    InnovationResources,
    /// <summary>产业</summary>
    Industry,
    /// <summary>基础设施</summary>
    Infrastructure,
    /// <summary>公共服务 (schools, hospitals...)</summary>
    PublicServices,
    /// <summary>土地</summary>
    Land,
}

/// <summary>
/// The unit values are stored in. Area units convert into each other on reads (1 亩 mu = 10000/15 m², 1 hectare = 10000 m²);
/// other units convert to nothing but themselves. 计量单位。
/// </summary>
public enum IndicatorUnit
{
    /// <summary>个、家、所 (a count)</summary>
    Count,
    /// <summary>% (0–100)</summary>
    Percent,
    /// <summary>亩 (mu)</summary>
    Mu,
    /// <summary>公顷 (hectare)</summary>
    Hectare,
    /// <summary>平方米 (m²)</summary>
    SquareMetre,
    /// <summary>万元 (ten thousand yuan)</summary>
    TenThousandYuan,
}

/// <summary>What kind of number a value is; decides which values are valid. 数值类型。</summary>
public enum ValueKind
{
    /// <summary>A whole number, zero or more.</summary>
    Count,
    /// <summary>Any amount (money, area...).</summary>
    Amount,
    /// <summary>0–100.</summary>
    Percent,
    /// <summary>Share of the work done, 0–100; the indicator has a planned completion date.</summary>
    Progress,
}

/// <summary>
/// How a park's figure is made from its sub-parks' when it has none of its own. 汇总方式。
/// A park's own figure always wins over its sub-parks'.
/// </summary>
public enum Aggregation
{
    /// <summary>Add the sub-parks' latest figures.</summary>
    Sum,
    /// <summary>Take the most recent sub-park figure.</summary>
    Latest,
    /// <summary>Never roll up: only a park's own figure counts.</summary>
    None,
}

/// <summary>Status of a progress indicator, computed from progress, the planned completion date and today. 进度状态。</summary>
public enum ProgressStatus
{
    /// <summary>100 % done.</summary>
    Done,
    /// <summary>Not done, and the plan date is more than 30 days away or progress is at least 90 %.</summary>
    OnTrack,
    /// <summary>Not done, the plan date is at most 30 days away and progress is under 90 %.</summary>
    AtRisk,
    /// <summary>Not done and the plan date has passed.</summary>
    Late,
}
