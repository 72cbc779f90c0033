using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Policies;

/// <summary>An organisation that issues policies. 发文机关。</summary>
public sealed record OrganisationDto
{
    /// <example>zone-management-committee</example>
    public required string Code { get; init; }

    /// <summary>Name in the response language.</summary>
    public required string Name { get; init; }

    public required LocalizedText Names { get; init; }
}

/// <summary>A reference to another document, as lists and relations show it.</summary>
public sealed record PolicyRef
{
    /// <example>high-quality-development-opinions</example>
    public required string Id { get; init; }

    /// <summary>Title in the response language.</summary>
    public required string Title { get; init; }

    public required PolicyRole Role { get; init; }

    /// <summary>Status on the day asked about (today unless the request names a day).</summary>
    public required PolicyStatus Status { get; init; }
}

/// <summary>A policy document in lists and search results. 政策文件摘要。</summary>
public sealed record PolicySummaryDto
{
    /// <summary>Stable, URL-safe identifier.</summary>
    /// <example>high-quality-development-opinions</example>
    public required string Id { get; init; }

    /// <summary>Document number (文号), where it has one.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>Title in the response language.</summary>
    /// <example>关于促进高新技术产业开发区高质量发展的意见</example>
    public required string Title { get; init; }

    /// <summary>Summary in the response language.</summary>
    public required string Summary { get; init; }

    /// <summary>The issuer; null where the source does not name one.</summary>
    public OrganisationDto? Issuer { get; init; }

    public required PolicyRole Role { get; init; }

    /// <summary>Status on the day asked about (today unless <c>inForceOn</c> names a day).</summary>
    public required PolicyStatus Status { get; init; }

    /// <summary>The core policy this one implements, for supporting documents.</summary>
    public string? ImplementsId { get; init; }

    public required IReadOnlyList<PolicyCategory> Categories { get; init; }

    public required IReadOnlyList<Industry> Industries { get; init; }

    /// <summary>Codes of the parks it applies to (and their sub-parks); empty means the whole zone.</summary>
    public required IReadOnlyList<string> ParkCodes { get; init; }

    public DateOnly? IssuedOn { get; init; }

    public DateOnly? EffectiveFrom { get; init; }

    public DateOnly? ExpiresOn { get; init; }

    /// <summary>True for sample data that is not a real document of the zone (示例数据).</summary>
    public required bool Illustrative { get; init; }

    /// <summary>Search relevance, for search results only (higher is better).</summary>
    public double? Rank { get; init; }

    /// <summary>
    /// For search results: the best matching passage, HTML-escaped, with the matches wrapped in &lt;mark&gt;…&lt;/mark&gt;.
    /// </summary>
    public string? Highlight { get; init; }

    /// <summary>Which field the highlight comes from: title, summary, body or measures.</summary>
    public string? HighlightField { get; init; }
}

/// <summary>One page of policies; follow <c>nextCursor</c> until it is null.</summary>
public sealed record PolicyPage
{
    public required IReadOnlyList<PolicySummaryDto> Items { get; init; }

    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;

    /// <summary>How many documents match the filters in all.</summary>
    public required int Total { get; init; }
}

/// <summary>A relation between two documents, seen from one of them.</summary>
public sealed record PolicyRelationDto
{
    /// <example>1</example>
    public required long Id { get; init; }

    public required RelationKind Kind { get; init; }

    /// <summary>Outgoing: this document acts on <c>other</c>. Incoming: <c>other</c> acts on this one.</summary>
    public required bool Outgoing { get; init; }

    public required PolicyRef Other { get; init; }

    /// <summary>The day the effect begins; null means from the acting document's effective date.</summary>
    public DateOnly? EffectiveOn { get; init; }

    public string? Note { get; init; }
}

/// <summary>The conditions an enterprise must meet to claim a measure. Omitted conditions do not apply. 申报条件。</summary>
public sealed record MeasureConditions
{
    /// <summary>Registered in one of these parks or their sub-parks.</summary>
    [MaxLength(50)]
    [ItemLength(2, 64)]
    public IReadOnlyList<string>? Parks { get; init; }

    /// <summary>In one of these industries.</summary>
    [MaxLength(20)]
    public IReadOnlyList<Industry>? Industries { get; init; }

    /// <summary>Holds every one of these qualifications.</summary>
    [MaxLength(20)]
    public IReadOnlyList<Qualification>? Qualifications { get; init; }

    /// <summary>Yearly R&amp;D spend of at least this many 万元.</summary>
    public decimal? MinRndSpend { get; init; }

    /// <summary>At least this many employees.</summary>
    [Range(0, int.MaxValue)]
    public int? MinHeadcount { get; init; }

    /// <summary>Registered for at least this many whole years.</summary>
    [Range(0, int.MaxValue)]
    public int? MinYearsRegistered { get; init; }

    /// <summary>Registered for at most this many whole years.</summary>
    [Range(0, int.MaxValue)]
    public int? MaxYearsRegistered { get; init; }
}

/// <summary>
/// A concrete offer inside a policy document. GET returns it and PUT takes it back: change the writable members,
/// keep or leave out the read-only ones. 扶持措施。
/// </summary>
public sealed record SupportMeasureDto : MeasureFields
{
    /// <summary>Code, unique within its document.</summary>
    /// <example>rent-reduction</example>
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>The document the measure belongs to.</summary>
    [ReadOnlyMember]
    public required string PolicyId { get; init; }

    /// <summary>Title in the response language; to change it, change <c>titles</c>.</summary>
    [ReadOnlyMember]
    public required string Title { get; init; }

    /// <summary>Description in the response language; to change it, change <c>descriptions</c>.</summary>
    [ReadOnlyMember]
    public required string Description { get; init; }

    /// <summary>Increased by every change; the measure's ETag is this number, quoted.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }
}

/// <summary>
/// A policy document in full. GET returns it and PUT takes it back: change the writable members (the content), keep
/// or leave out the read-only ones (the list view in <c>summary</c>, the texts in the response language, measures and
/// relations, which have their own endpoints). 政策文件详情。
/// </summary>
public sealed record PolicyDto : PolicyFields
{
    /// <summary>Stable, URL-safe identifier.</summary>
    /// <example>high-quality-development-opinions</example>
    [ReadOnlyMember]
    public required string Id { get; init; }

    /// <summary>The document as lists show it, with its status on the day asked about.</summary>
    [ReadOnlyMember]
    public required PolicySummaryDto Summary { get; init; }

    /// <summary>Full text in the response language (Chinese when no English text exists); to change it, change <c>bodies</c>.</summary>
    [ReadOnlyMember]
    public required string Body { get; init; }

    /// <summary>The support measures; change them through the measure endpoints.</summary>
    [ReadOnlyMember]
    public required IReadOnlyList<SupportMeasureDto> Measures { get; init; }

    /// <summary>The relations to other documents; change them through the relation endpoints.</summary>
    [ReadOnlyMember]
    public required IReadOnlyList<PolicyRelationDto> Relations { get; init; }

    /// <summary>Increased by every change of the document, its measures or its relations; the ETag is this number, quoted.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    [ReadOnlyMember]
    public required DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>A full text: Chinese always, English where a translation exists.</summary>
public sealed record PolicyBody
{
    [MaxLength(200000)]
    public required string Zh { get; init; }

    [MaxLength(200000)]

    public string? En { get; init; }
}

/// <summary>The "1+N" tree: each core policy with its supporting documents and their measures. “1+N”政策体系。</summary>
public sealed record PolicyCatalogueDto
{
    public required IReadOnlyList<CatalogueCoreNode> Cores { get; init; }

    /// <summary>Supporting documents that implement no core policy yet.</summary>
    public required IReadOnlyList<CatalogueSupportingNode> Unattached { get; init; }

    /// <summary>Related plans and district documents.</summary>
    public required IReadOnlyList<PolicySummaryDto> Related { get; init; }
}

public sealed record CatalogueCoreNode
{
    public required PolicySummaryDto Policy { get; init; }

    public required IReadOnlyList<SupportMeasureDto> Measures { get; init; }

    /// <summary>The "N": the documents that implement this core policy.</summary>
    public required IReadOnlyList<CatalogueSupportingNode> Supporting { get; init; }
}

public sealed record CatalogueSupportingNode
{
    public required PolicySummaryDto Policy { get; init; }

    public required IReadOnlyList<SupportMeasureDto> Measures { get; init; }
}

/// <summary>Everything about a document's content that a client may set. 可写的政策字段。</summary>
public record PolicyFields
{
    /// <summary>Document number (文号), unique, at most 100 characters.</summary>
    [MaxLength(100)]
    public string? DocumentNumber { get; init; }

    /// <summary>The title in both languages (each 1–300 characters).</summary>
    public required LocalizedText Titles { get; init; }

    /// <summary>The summary in both languages (each at most 4000 characters); omitted means empty.</summary>
    public LocalizedText Summaries { get; init; } = LocalizedText.Empty;

    /// <summary>Full text in Chinese (required, may be empty) and optionally English; each at most 200,000 characters.</summary>
    public required PolicyBody Bodies { get; init; }

    /// <summary>Code of the issuing organisation; null when unknown.</summary>
    /// <example>zone-management-committee</example>
    [StringLength(64, MinimumLength = 2)]
    public string? IssuerCode { get; init; }

    public required PolicyRole Role { get; init; }

    /// <summary>For a supporting document: the id of the core policy it implements.</summary>
    [StringLength(80, MinimumLength = 2)]
    public string? ImplementsId { get; init; }

    /// <summary>Omitted means none.</summary>
    [MaxLength(20)]
    public IReadOnlyList<PolicyCategory> Categories { get; init; } = [];

    /// <summary>Omitted means none.</summary>
    [MaxLength(20)]
    public IReadOnlyList<Industry> Industries { get; init; } = [];

    /// <summary>Codes of the parks it applies to; omitted or empty means the whole zone.</summary>
    [MaxLength(50)]
    [ItemLength(2, 64)]
    public IReadOnlyList<string> ParkCodes { get; init; } = [];

    public DateOnly? DraftedOn { get; init; }

    public DateOnly? IssuedOn { get; init; }

    /// <summary>Defaults to the issue date when omitted.</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>The last day in force.</summary>
    public DateOnly? ExpiresOn { get; init; }

    /// <summary>Marks sample data that is not a real document of the zone (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A new policy document. 新建政策文件。</summary>
public sealed record CreatePolicyRequest : PolicyFields
{
    /// <summary>Stable, URL-safe identifier: lower-case letters, digits and single hyphens, 2–80 characters.</summary>
    /// <example>haidong-incubation-support-measures</example>
    [StringLength(80, MinimumLength = 2)]
    public required string Id { get; init; }
}


/// <summary>One version of a document's content. 历史版本。</summary>
public sealed record PolicyVersionDto
{
    /// <example>1</example>
    public required int Version { get; init; }

    /// <summary>When the version was recorded: the time its transaction committed.</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    /// <example>seed</example>
    public required string RecordedBy { get; init; }

    /// <summary>The content as it was in this version.</summary>
    public required PolicyFields Content { get; init; }
}

/// <summary>A new relation from this document to another. 新建文件关系。</summary>
public sealed record CreatePolicyRelationRequest
{
    public required RelationKind Kind { get; init; }

    /// <summary>The document this one acts on.</summary>
    /// <example>high-quality-development-opinions</example>
    [StringLength(80, MinimumLength = 2)]
    public required string TargetId { get; init; }

    /// <summary>The day the effect begins; omitted: from this document's effective date.</summary>
    public DateOnly? EffectiveOn { get; init; }

    public LocalizedText? Note { get; init; }
}

/// <summary>A support measure's content. 扶持措施字段。</summary>
public record MeasureFields
{
    public required MeasureKind Kind { get; init; }

    /// <summary>The title in both languages (each 1–300 characters).</summary>
    public required LocalizedText Titles { get; init; }

    /// <summary>The description in both languages (each at most 4000 characters); omitted means empty.</summary>
    public LocalizedText Descriptions { get; init; } = LocalizedText.Empty;

    /// <summary>A fixed sum, in 万元.</summary>
    public decimal? Amount { get; init; }

    /// <summary>A share of an eligible cost, in percent (0–100].</summary>
    public decimal? Rate { get; init; }

    /// <summary>The most one enterprise can get, in 万元.</summary>
    public decimal? Cap { get; init; }

    /// <summary>Who may claim it; omitted means no conditions.</summary>
    public MeasureConditions Conditions { get; init; } = new();

    /// <summary>
    /// Granted without application (免申即享): enterprises whose data on record meets every condition receive it without
    /// applying; the match feed and <c>eligible-enterprises</c> list them. Omitted means false.
    /// </summary>
    [System.ComponentModel.DefaultValue(false)]
    public bool GrantWithoutApplication { get; init; }
}

/// <summary>A new support measure in a document. 新建扶持措施。</summary>
public sealed record CreateMeasureRequest : MeasureFields
{
    /// <example>rent-reduction</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}


/// <summary>An enterprise's profile, to match against the measures in force. Omitted facts make conditions unknown. 企业画像。</summary>
public sealed record EnterpriseProfile
{
    /// <summary>The park the enterprise is registered in.</summary>
    /// <example>haidong-incubator</example>
    [StringLength(64, MinimumLength = 2)]
    public string? ParkCode { get; init; }

    /// <example>marineBiomedicine</example>
    public Industry? Industry { get; init; }

    /// <summary>The qualifications it holds; omitted means unknown, an empty list means none.</summary>
    [MaxLength(20)]
    public IReadOnlyList<Qualification>? Qualifications { get; init; }

    /// <summary>Yearly R&amp;D spend, in 万元.</summary>
    public decimal? RndSpend { get; init; }

    [Range(0, int.MaxValue)]

    public int? Headcount { get; init; }

    /// <example>2022-06-01</example>
    public DateOnly? RegisteredOn { get; init; }
}

/// <summary>A matching request: a profile and the day the measures must be in force on (default today). 政策匹配请求。</summary>
public sealed record PolicyMatchRequest
{
    public required EnterpriseProfile Profile { get; init; }

    /// <summary>The day; omitted: today (UTC+8).</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>One condition of a measure, judged against the profile.</summary>
public sealed record ConditionResult
{
    public required ConditionKind Kind { get; init; }

    public required ConditionOutcome Outcome { get; init; }

    /// <summary>What the condition asks, in the response language.</summary>
    public required string Requirement { get; init; }

    /// <summary>What the profile says, in the response language, or why it is unknown.</summary>
    public required string Explanation { get; init; }

    /// <summary>For an enterprise on record: the date of the fact the condition was judged by (a qualification's start, the year-end of a year's figures, the day it entered the park).</summary>
    public DateOnly? FactDate { get; init; }
}

/// <summary>One measure in force and whether the enterprise may claim it.</summary>
public sealed record MeasureMatch
{
    public required SupportMeasureDto Measure { get; init; }

    public required PolicyRef Policy { get; init; }

    public required Eligibility Eligibility { get; init; }

    public required IReadOnlyList<ConditionResult> Conditions { get; init; }

    /// <summary>The most this measure can give, in 万元 (the amount, else the cap); null when the document sets no bound.</summary>
    public decimal? MaxSupport { get; init; }
}

/// <summary>The measures in force on a day, matched against a profile. 政策匹配结果。</summary>
public sealed record PolicyMatchResult
{
    public required DateOnly Date { get; init; }

    /// <summary>
    /// Eligible first, then possibly eligible, then not eligible; within each, by policy and measure. With
    /// <c>limit</c>, one page of them; without, all.
    /// </summary>
    public required IReadOnlyList<MeasureMatch> Items { get; init; }

    /// <summary>How many measures were judged: every measure in force on the day, on all pages.</summary>
    public required int Total { get; init; }

    /// <summary>How many of them are eligible (they come first).</summary>
    public required int Eligible { get; init; }

    /// <summary>How many are possibly eligible (unknown conditions; they come next).</summary>
    public required int PossiblyEligible { get; init; }

    /// <summary>Pass as <c>cursor</c> (with the same body and limit) for the next page; null on the last page or without <c>limit</c>.</summary>
    public string? NextCursor { get; init; }

    /// <summary>The most the enterprise can get from the measures it is eligible for, in 万元.</summary>
    public required decimal MaxTotalSupport { get; init; }

    /// <summary>The same, if every unknown condition turns out to be met.</summary>
    public required decimal MaxTotalSupportIfUnknownsMet { get; init; }

    /// <summary>Measures counted in the totals that have no amount or cap (their support is not bounded by the document).</summary>
    public required int UnboundedMeasures { get; init; }
}

/// <summary>A page of a document's versions, oldest first. 政策文件版本（分页）。</summary>
public sealed record PolicyVersionPage
{
    public required IReadOnlyList<PolicyVersionDto> Items { get; init; }

    /// <summary>Opaque cursor for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }

    /// <summary>True when another page follows (nextCursor is set): the same on every list.</summary>
    [System.ComponentModel.DataAnnotations.Required]
    public bool HasMore => NextCursor is not null;
}
