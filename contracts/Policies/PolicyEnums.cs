namespace Gaoxin.Contracts.Policies;

/// <summary>A document's place in the "1+N" catalogue. 政策体系中的角色。</summary>
public enum PolicyRole
{
    /// <summary>The "1": the core policy (核心政策).</summary>
    Core,
    /// <summary>One of the "N": a supporting measure document (配套政策).</summary>
    Supporting,
    /// <summary>Plans and district documents around the catalogue (相关文件).</summary>
    Related,
}

/// <summary>
/// Lifecycle status, computed for a day from the dates and relations. 生命周期状态。
/// </summary>
public enum PolicyStatus
{
    /// <summary>Not issued (起草中).</summary>
    Draft,
    /// <summary>Issued, in force from a later date (已发布未生效).</summary>
    Pending,
    /// <summary>In force (现行有效).</summary>
    InForce,
    /// <summary>Past its expiry date (已失效).</summary>
    Expired,
    /// <summary>Repealed or superseded by another document from a date (已废止).</summary>
    Repealed,
}

/// <summary>What a policy is about. 政策类别。</summary>
public enum PolicyCategory
{
    /// <summary>研发创新</summary>
    Rnd,
    /// <summary>人才</summary>
    Talent,
    /// <summary>孵化育成</summary>
    Incubation,
    /// <summary>土地</summary>
    Land,
    /// <summary>金融</summary>
    Finance,
    /// <summary>产业链（强链、延链、补链）</summary>
    IndustrialChain,
    /// <summary>规划</summary>
    Planning,
    /// <summary>基础设施</summary>
    Infrastructure,
    /// <summary>区域发展（如“百千万工程”）</summary>
    RegionalDevelopment,
}

/// <summary>The zone's "3+N" industries. “3+N”产业体系。</summary>
public enum Industry
{
    /// <summary>海洋装备制造</summary>
    MarineEquipmentManufacturing,
    /// <summary>海洋生物医药</summary>
    MarineBiomedicine,
    /// <summary>海洋电子信息</summary>
    MarineElectronicInformation,
    /// <summary>The "N": other industries (其他产业).</summary>
    Other,
}

/// <summary>An effect of one document on another. 文件间关系。</summary>
public enum RelationKind
{
    /// <summary>Implements (a supporting document implements the core one). 实施</summary>
    Implements,
    /// <summary>Amends. 修订</summary>
    Amends,
    /// <summary>Supersedes: the target is no longer in force from the relation's date. 替代</summary>
    Supersedes,
    /// <summary>Repeals: the target is no longer in force from the relation's date. 废止</summary>
    Repeals,
}

/// <summary>What a support measure offers. 扶持方式。</summary>
public enum MeasureKind
{
    /// <summary>补贴</summary>
    Subsidy,
    /// <summary>奖励</summary>
    Reward,
    /// <summary>租金减免</summary>
    RentReduction,
    /// <summary>贷款贴息</summary>
    LoanInterestSubsidy,
    /// <summary>人才津贴</summary>
    TalentAllowance,
    /// <summary>其他</summary>
    Other,
}

/// <summary>An enterprise qualification a measure may require. 企业资质。</summary>
public enum Qualification
{
    /// <summary>高新技术企业</summary>
    HighTechEnterprise,
    /// <summary>科技型中小企业</summary>
    TechSme,
    /// <summary>在孵企业</summary>
    IncubatingEnterprise,
    /// <summary>专精特新中小企业</summary>
    SpecialisedSme,
}

/// <summary>Whether an enterprise meets one condition. 条件判定。</summary>
public enum ConditionOutcome
{
    /// <summary>符合</summary>
    Met,
    /// <summary>不符合</summary>
    NotMet,
    /// <summary>The profile does not say (信息不足).</summary>
    Unknown,
}

/// <summary>Whether an enterprise may claim a measure. 申报资格。</summary>
public enum Eligibility
{
    /// <summary>Every condition met.</summary>
    Eligible,
    /// <summary>None failed, but the profile left some unknown.</summary>
    PossiblyEligible,
    /// <summary>At least one condition not met.</summary>
    NotEligible,
}

/// <summary>Which condition of a measure. 条件类型。</summary>
public enum ConditionKind
{
    /// <summary>Registered in one of the parks (or their sub-parks).</summary>
    Park,
    /// <summary>In one of the industries.</summary>
    Industry,
    /// <summary>Holds a qualification.</summary>
    Qualification,
    /// <summary>Yearly R&amp;D spend at least this many 万元.</summary>
    MinRndSpend,
    /// <summary>At least this many employees.</summary>
    MinHeadcount,
    /// <summary>Registered at least this many years.</summary>
    MinYearsRegistered,
    /// <summary>Registered at most this many years.</summary>
    MaxYearsRegistered,
}
