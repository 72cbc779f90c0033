using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Contracts.Enterprises;

/// <summary>A qualification an enterprise holds or held, with its dates. 企业资质。</summary>
public sealed record QualificationHeld
{
    /// <example>incubatingEnterprise</example>
    public required Qualification Kind { get; init; }

    /// <summary>The first day it held it; null when not known (it is then taken as held since before any day asked about).</summary>
    /// <example>2022-06-01</example>
    public DateOnly? From { get; init; }

    /// <summary>The day it ended (expired, graduated from the incubator, withdrawn); null while it lasts.</summary>
    public DateOnly? Until { get; init; }

    /// <summary>Code of the document that records it, if any.</summary>
    /// <example>article-2023-03-31</example>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }
}

/// <summary>An enterprise's figures for one calendar year; a figure not known is null. 企业年度数据。</summary>
public sealed record EnterpriseYearFigures
{
    /// <example>2022</example>
    [Range(1949, 2200)]
    public required int Year { get; init; }

    /// <summary>R&amp;D spend in the year, in 万元.</summary>
    /// <example>120</example>
    [Range(0, 1e12)]
    public decimal? RndSpend { get; init; }

    /// <summary>Employees at the end of the year.</summary>
    /// <example>85</example>
    [Range(0, 10_000_000)]
    public int? Headcount { get; init; }

    /// <summary>Revenue in the year, in 万元.</summary>
    /// <example>3400</example>
    [Range(0, 1e14)]
    public decimal? Revenue { get; init; }

    /// <summary>Code of the document the figures come from, if any.</summary>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }
}

/// <summary>A stretch of time an enterprise spent in one park. 企业所在园区（历史）。</summary>
public sealed record ParkStay
{
    /// <example>haidong-incubator</example>
    public required string ParkCode { get; init; }

    /// <summary>The park's name in the response language.</summary>
    public required string ParkName { get; init; }

    /// <summary>Since when; null when not known.</summary>
    public DateOnly? Since { get; init; }

    /// <summary>The day it moved on; null for the park it is in now.</summary>
    public DateOnly? Until { get; init; }
}

/// <summary>
/// An enterprise of the zone (一企一档), as written. Not public: reading needs a key with the <c>enterprises</c>
/// scope, and a key limited to a park sees that park's subtree only. An enterprise as reads return it is a valid body:
/// its read-only members may be sent back unchanged or left out. 企业档案。
/// </summary>
public record EnterpriseFields
{
    /// <summary>Names in both languages.</summary>
    public required LocalizedText Names { get; init; }

    /// <summary>
    /// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters whose last is a check character;
    /// a wrong one is refused with 400. Null when not known.
    /// </summary>
    /// <example>91440800MA4UXXXX0X</example>
    [StringLength(18, MinimumLength = 18)]
    public string? CreditCode { get; init; }

    /// <summary>The park it is in now; null when not known. A different park than before is a move: the history keeps both.</summary>
    /// <example>haidong-incubator</example>
    [StringLength(64, MinimumLength = 2)]
    public string? ParkCode { get; init; }

    /// <summary>Since when it is in that park; null when not known. A move's date must be after the previous one's.</summary>
    /// <example>2022-06-01</example>
    public DateOnly? InParkSince { get; init; }

    /// <summary>The day it was registered (成立日期); null when not known.</summary>
    /// <example>2021-09-15</example>
    public DateOnly? RegisteredOn { get; init; }

    /// <summary>Its industries in the zone's "3+N" system; empty when not known.</summary>
    [MaxLength(10)]
    public IReadOnlyList<Industry> Industries { get; init; } = [];

    /// <summary>Qualifications held now or in the past, each with its dates.</summary>
    [MaxLength(50)]
    public IReadOnlyList<QualificationHeld> Qualifications { get; init; } = [];

    /// <summary>Figures by year, at most one entry a year.</summary>
    [MaxLength(100)]
    public IReadOnlyList<EnterpriseYearFigures> Figures { get; init; } = [];

    /// <summary>Code of the document the enterprise is recorded from, if any.</summary>
    /// <example>article-2023-03-31</example>
    [StringLength(64, MinimumLength = 2)]
    public string? SourceCode { get; init; }

    /// <summary>Marks sample data, not a real enterprise of the zone (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A new enterprise. 新建企业档案。</summary>
public sealed record CreateEnterpriseRequest : EnterpriseFields
{
    /// <summary>The platform's own code for it, used in URLs: stable, never the credit code.</summary>
    /// <example>hongbo-microelectronics</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}

/// <summary>An enterprise as recorded. 企业档案。</summary>
public sealed record EnterpriseDto : EnterpriseFields
{
    /// <example>hongbo-microelectronics</example>
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>The name in the response language.</summary>
    [ReadOnlyMember]
    public required string Name { get; init; }

    /// <summary>The name of the park it is in now, in the response language.</summary>
    [ReadOnlyMember]
    public string? ParkName { get; init; }

    /// <summary>Every park it has been in, oldest first; the last is the one it is in now.</summary>
    [ReadOnlyMember]
    public required IReadOnlyList<ParkStay> ParkHistory { get; init; }

    /// <summary>The document named by <c>sourceCode</c>.</summary>
    [ReadOnlyMember]
    public SourceDto? Source { get; init; }

    /// <summary>Increased by every change; the ETag is this number, quoted.</summary>
    /// <example>1</example>
    [ReadOnlyMember]
    public required int Version { get; init; }

    /// <summary>When this version was recorded: the time its transaction committed.</summary>
    [ReadOnlyMember]
    public required DateTimeOffset RecordedAt { get; init; }

    /// <summary>Who recorded it, as the public sees it (a key's display name, or <c>seed</c>).</summary>
    [ReadOnlyMember]
    public required string RecordedBy { get; init; }
}

/// <summary>A page of enterprises. 企业列表。</summary>
public sealed record EnterprisePage
{
    public required IReadOnlyList<EnterpriseDto> Items { get; init; }

    /// <summary>Pass as <c>cursor</c> for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}

/// <summary>How far an enterprise meets a measure on a day. 匹配结果。</summary>
public enum MatchStatus
{
    /// <summary>Every condition is met: eligible. 全部满足</summary>
    Met,
    /// <summary>None is unmet but some cannot be decided from the data on record. 可能满足（数据不全）</summary>
    Unknown,
    /// <summary>Some conditions are met and some are not. 部分满足</summary>
    Partial,
    /// <summary>Conditions are unmet and none is met. 不满足</summary>
    NotMet,
}

/// <summary>One measure in force judged against an enterprise's record. 企业与措施的匹配。</summary>
public sealed record EnterpriseMeasureMatch
{
    public required SupportMeasureDto Measure { get; init; }

    public required PolicyRef Policy { get; init; }

    public required MatchStatus Status { get; init; }

    /// <summary>Each condition with the fact it was judged by and that fact's date.</summary>
    public required IReadOnlyList<ConditionResult> Conditions { get; init; }

    /// <summary>The conditions that cannot be decided yet: the data to record to decide them.</summary>
    public required IReadOnlyList<ConditionKind> Missing { get; init; }

    /// <summary>The most this measure can give, in 万元 (the amount, else the cap); null when the document sets no bound.</summary>
    public decimal? MaxSupport { get; init; }
}

/// <summary>The measures in force on a day that an enterprise meets, partly meets or might meet. 企业政策匹配。</summary>
public sealed record EnterpriseMatchesDto
{
    /// <example>hongbo-microelectronics</example>
    public required string EnterpriseCode { get; init; }

    public required DateOnly On { get; init; }

    /// <summary>Met first, then unknown, then partial; within each, by policy and measure. Measures none of whose conditions is met are left out.</summary>
    public required IReadOnlyList<EnterpriseMeasureMatch> Items { get; init; }

    /// <summary>The most the enterprise can get from the measures it meets, in 万元.</summary>
    public required decimal MaxTotalSupport { get; init; }

    /// <summary>The same, if every undecided condition turns out to be met.</summary>
    public required decimal MaxTotalSupportIfUnknownsMet { get; init; }

    /// <summary>The conditions, over all measures listed, that the data on record cannot decide: what to collect first.</summary>
    public required IReadOnlyList<ConditionKind> Missing { get; init; }
}

/// <summary>An enterprise judged against one measure. 符合条件的企业。</summary>
public sealed record EligibleEnterprise
{
    /// <example>hongbo-microelectronics</example>
    public required string EnterpriseCode { get; init; }

    public required string EnterpriseName { get; init; }

    public string? ParkCode { get; init; }

    public string? ParkName { get; init; }

    public required MatchStatus Status { get; init; }

    /// <summary>How many of the measure's conditions it meets.</summary>
    public required int MetConditions { get; init; }

    public required IReadOnlyList<ConditionResult> Conditions { get; init; }

    public required IReadOnlyList<ConditionKind> Missing { get; init; }

    /// <summary>Its data decides every condition and it meets them all: it can be granted the measure without applying (免申即享).</summary>
    public required bool Complete { get; init; }

    public required bool Illustrative { get; init; }
}

/// <summary>The enterprises that meet (or might meet) one measure on a day, ranked and paged. 措施的符合企业。</summary>
public sealed record EligibleEnterprisePage
{
    public required PolicyRef Policy { get; init; }

    public required SupportMeasureDto Measure { get; init; }

    public required DateOnly On { get; init; }

    /// <summary>Met first, then unknown, then partial; within each, most conditions met first, then by code.</summary>
    public required IReadOnlyList<EligibleEnterprise> Items { get; init; }

    /// <summary>How many enterprises the key may see have each status (all of them, not just this page).</summary>
    public required IReadOnlyDictionary<string, int> Counts { get; init; }

    /// <summary>Pass as <c>cursor</c> for the next page; null on the last page.</summary>
    public string? NextCursor { get; init; }
}

/// <summary>What changed in a match. 匹配变化类型。</summary>
public enum MatchEventKind
{
    /// <summary>It now meets every condition. 新符合</summary>
    NewlyEligible,
    /// <summary>It met every condition and no longer does. 不再符合</summary>
    NoLongerEligible,
    /// <summary>Its data now decides a match that was undecided (and it is not eligible). 可判定</summary>
    NewlyDecidable,
}

/// <summary>
/// One change of outcome between an enterprise and a measure, recorded in the transaction that caused it, so the
/// match feed has the change feed's guarantee: no gaps, commit order. 匹配事件。
/// </summary>
public sealed record MatchEventDto
{
    /// <summary>Opaque; pass as <c>after</c> to read on from here. Also the event's stable id.</summary>
    public required string Position { get; init; }

    public required MatchEventKind Kind { get; init; }

    /// <example>hongbo-microelectronics</example>
    public required string EnterpriseCode { get; init; }

    /// <summary>The enterprise's name now, in the response language; null once it is deleted.</summary>
    public string? EnterpriseName { get; init; }

    /// <example>pd-2023-001</example>
    public required string PolicyId { get; init; }

    /// <example>rent-reduction</example>
    public required string MeasureCode { get; init; }

    /// <summary>The measure's title now, in the response language; null once it is deleted.</summary>
    public string? MeasureTitle { get; init; }

    /// <summary>The status before; null when the pair had not been judged (a new enterprise or measure).</summary>
    public MatchStatus? From { get; init; }

    /// <summary>The status after; null when the enterprise or measure is gone or no longer in force.</summary>
    public MatchStatus? To { get; init; }

    /// <summary>The measure is granted without application and the enterprise's data is complete (免申即享).</summary>
    public required bool GrantWithoutApplication { get; init; }

    /// <summary>The day the match was judged for.</summary>
    public required DateOnly On { get; init; }

    /// <summary>When the change that caused it committed.</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}

/// <summary>A page of the match feed. 匹配事件流。</summary>
public sealed record MatchEventPage
{
    public required IReadOnlyList<MatchEventDto> Items { get; init; }

    /// <summary>Where to read on from; the same as the cursor sent when nothing new has committed.</summary>
    public required string NextCursor { get; init; }

    /// <summary>More events are waiting past this page.</summary>
    public required bool HasMore { get; init; }
}
