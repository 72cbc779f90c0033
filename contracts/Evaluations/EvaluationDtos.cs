using System.ComponentModel.DataAnnotations;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Contracts.Evaluations;

/// <summary>What a leaf measures. 指标项类型。</summary>
public enum LeafKind
{
    /// <summary>An indicator's figure (总数).</summary>
    Indicator,
    /// <summary>One indicator's figure divided by another's (比率).</summary>
    Ratio,
    /// <summary>How much of the park's target for the indicator and period is reached, 0–1 (目标完成度).</summary>
    TargetAttainment,
}

/// <summary>Which way is better. 指标方向。</summary>
public enum ScoreDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>How a leaf's values across the compared parks become a share of its weight, 0–1. 标准化方法。</summary>
public enum Normalisation
{
    /// <summary>(value − worst) / (best − worst) across the compared parks; all equal: full marks (极差法).</summary>
    MinMax,
    /// <summary>The value as a share of the best park's (lower is better: the best's as a share of the value) (比最优).</summary>
    ShareOfBest,
    /// <summary>By rank: the best gets 1, the worst 0, evenly between (排名法).</summary>
    Rank,
    /// <summary>The value as a share of the park's own target for the period, at most 1; no target: missing (比目标).</summary>
    RatioToTarget,
}

/// <summary>What a missing input does to a park's score. 缺失值处理。</summary>
public enum MissingInputs
{
    /// <summary>Left out, and its weight shared among its siblings that have a value, in proportion (剔除并重新分配权重).</summary>
    Reweight,
    /// <summary>Scored zero (记零分).</summary>
    Zero,
}

/// <summary>What a leaf of a scheme reads.</summary>
public sealed record LeafDto
{
    public required LeafKind Kind { get; init; }

    /// <summary>The indicator (for a ratio: the numerator).</summary>
    /// <example>enterprise-rnd-institutions</example>
    [StringLength(64, MinimumLength = 2)]
    public required string IndicatorCode { get; init; }

    /// <summary>For a ratio: the denominator's indicator.</summary>
    [StringLength(64, MinimumLength = 2)]
    public string? DenominatorCode { get; init; }

    public required ScoreDirection Direction { get; init; }

    public required Normalisation Normalisation { get; init; }
}

/// <summary>A node of a scheme: a dimension with children, or a leaf. 评价体系节点。</summary>
public sealed record SchemeNodeDto
{
    /// <summary>Unique within the scheme.</summary>
    /// <example>innovation</example>
    [StringLength(64, MinimumLength = 1)]
    public required string Code { get; init; }

    public required LocalizedText Names { get; init; }

    /// <summary>Points; the weights of a node's children add up to its own (the root's is the scheme's full score).</summary>
    /// <example>40</example>
    public required decimal Weight { get; init; }

    /// <summary>A dimension's children (1–50); omitted for a leaf.</summary>
    [MaxLength(50)]
    public IReadOnlyList<SchemeNodeDto>? Children { get; init; }

    /// <summary>A leaf's measure; omitted for a dimension.</summary>
    public LeafDto? Leaf { get; init; }
}

/// <summary>A scheme's content: what a version holds. 评价体系内容。</summary>
public record SchemeFields
{
    public required LocalizedText Names { get; init; }

    public LocalizedText Descriptions { get; init; } = LocalizedText.Empty;

    /// <summary>What a missing input does to a park's score.</summary>
    public required MissingInputs MissingInputs { get; init; }

    /// <summary>The tree; the root's weight is the full score.</summary>
    public required SchemeNodeDto Root { get; init; }

    /// <summary>Marks sample data, not a scheme the district or the ministry set (示例数据); omitted means false.</summary>
    [Required]
    public bool Illustrative { get; init; }
}

/// <summary>A new evaluation scheme; its first version. 新建评价体系。</summary>
public sealed record CreateSchemeRequest : SchemeFields
{
    /// <example>sample-innovation-index</example>
    [StringLength(64, MinimumLength = 2)]
    public required string Code { get; init; }
}

/// <summary>One version of an evaluation scheme. Versions never change: a change makes a new one. 评价体系（版本）。</summary>
public sealed record SchemeDto : SchemeFields
{
    [ReadOnlyMember]
    public required string Code { get; init; }

    /// <summary>Name in the response language.</summary>
    [ReadOnlyMember]
    public required string Name { get; init; }

    /// <summary>This version's number; the ETag of the scheme is its latest version, quoted.</summary>
    [ReadOnlyMember]
    public required int Version { get; init; }

    [ReadOnlyMember]
    public required DateTimeOffset RecordedAt { get; init; }

    [ReadOnlyMember]
    public required string RecordedBy { get; init; }
}

/// <summary>A page of schemes (their latest versions). 评价体系分页。</summary>
public sealed record SchemePage
{
    public required IReadOnlyList<SchemeDto> Items { get; init; }

    public string? NextCursor { get; init; }

    [Required]
    public bool HasMore => NextCursor is not null;
}

/// <summary>One node's result for a park. 节点得分。</summary>
public sealed record NodeScoreDto
{
    public required string Code { get; init; }

    /// <summary>Name in the response language.</summary>
    public required string Name { get; init; }

    /// <summary>The node's weight in the scheme.</summary>
    public required decimal Weight { get; init; }

    /// <summary>The weight it carried for this park after missing inputs were re-weighted (equal to weight when none were).</summary>
    public required decimal EffectiveWeight { get; init; }

    /// <summary>Points earned, out of the effective weight: this node's contribution to the total.</summary>
    public required decimal Contribution { get; init; }

    /// <summary>For a leaf: the value read, in its indicator's unit (a ratio: the quotient).</summary>
    public decimal? Value { get; init; }

    /// <summary>For a leaf: the share of its weight earned, 0–1.</summary>
    public decimal? Normalised { get; init; }

    /// <summary>For a leaf: the input was missing (see the scheme's missingInputs).</summary>
    public required bool Missing { get; init; }

    /// <summary>For a dimension: its children.</summary>
    public IReadOnlyList<NodeScoreDto>? Children { get; init; }
}

/// <summary>A park's result under a scheme. 园区评价结果。</summary>
public sealed record ParkResultDto
{
    public required string ParkCode { get; init; }

    public required string ParkName { get; init; }

    /// <summary>Points out of the root's weight.</summary>
    public required decimal Total { get; init; }

    /// <summary>1 is the best; equal totals share a rank.</summary>
    public required int Rank { get; init; }

    /// <summary>The leaves whose input was missing, by code.</summary>
    public required IReadOnlyList<string> MissingInputs { get; init; }

    public required NodeScoreDto Root { get; init; }
}

/// <summary>Every compared park's result for a period, best first. 评价结果。</summary>
public sealed record EvaluationResultDto
{
    public required string SchemeCode { get; init; }

    public required int SchemeVersion { get; init; }

    public required string Period { get; init; }

    /// <summary>The moment the inputs were read as recorded at; null: now.</summary>
    public DateTimeOffset? AsOf { get; init; }

    public required MissingInputs MissingInputs { get; init; }

    public required IReadOnlyList<ParkResultDto> Parks { get; init; }
}

/// <summary>One node's part in a park's result, in words and numbers, with what moved since another period. 得分说明。</summary>
public sealed record ExplainLineDto
{
    public required string Code { get; init; }

    /// <summary>Depth in the tree (the root is 0).</summary>
    public required int Depth { get; init; }

    public required decimal Contribution { get; init; }

    /// <summary>The contribution in the compared period, when one was asked for.</summary>
    public decimal? ComparedContribution { get; init; }

    /// <summary>In the response language.</summary>
    public required string Text { get; init; }
}

/// <summary>How one park's score was made, node by node; with <c>comparePeriod</c>, what moved it. 得分解释。</summary>
public sealed record ExplainDto
{
    public required ParkResultDto Result { get; init; }

    public ParkResultDto? Compared { get; init; }

    public string? ComparedPeriod { get; init; }

    public required IReadOnlyList<ExplainLineDto> Lines { get; init; }

    /// <summary>The leaves whose contribution moved most between the periods, largest change first (at most 5).</summary>
    public required IReadOnlyList<ExplainLineDto> Movers { get; init; }
}
