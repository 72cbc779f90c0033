using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Contracts.Evaluations;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Evaluations;

/// <summary>
/// The rules of a scheme's tree, checked before anything is written (422, naming the node): every node is either a
/// dimension with children or a leaf, codes are unique, weights are positive and a node's children's weights add up to
/// its own, a ratio names its denominator (and only a ratio does); then, against the database, every leaf's indicator
/// exists and a ratio divides counts or amounts, never percentages or progress.
/// </summary>
public static class SchemeRules
{
    public const int MaxNodes = 200;
    public const int MaxDepth = 8;

    public static void CheckTree(SchemeNodeDto root)
    {
        if (root.Children is not { Count: > 0 })
        {
            throw Malformed(root.Code, new("根节点必须是含下级的维度。", "The root must be a dimension with children."));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Check(root, 0, seen);
        if (seen.Count > MaxNodes)
        {
            throw Malformed(root.Code, new($"评价体系最多 {MaxNodes} 个节点。", $"A scheme has at most {MaxNodes} nodes."));
        }
    }

    private static void Check(SchemeNodeDto node, int depth, HashSet<string> seen)
    {
        if (!seen.Add(node.Code))
        {
            throw Malformed(node.Code, new($"节点代码“{node.Code}”重复。", $"The node code '{node.Code}' is used twice."));
        }
        if (depth > MaxDepth)
        {
            throw Malformed(node.Code, new($"评价体系最多 {MaxDepth} 层。", $"A scheme is at most {MaxDepth} levels deep."));
        }
        if (node.Weight <= 0)
        {
            throw Malformed(node.Code, new($"节点“{node.Code}”的权重必须大于 0。", $"The weight of '{node.Code}' must be above 0."));
        }
        var hasChildren = node.Children is { Count: > 0 };
        if (hasChildren == (node.Leaf is not null))
        {
            throw Malformed(node.Code, new($"节点“{node.Code}”须为含下级的维度或指标项之一。", $"The node '{node.Code}' must be either a dimension with children or a leaf."));
        }
        if (node.Leaf is { } leaf)
        {
            if ((leaf.Kind == LeafKind.Ratio) != (leaf.DenominatorCode is not null))
            {
                throw Malformed(node.Code, new($"节点“{node.Code}”：比率须有分母（denominatorCode），其他类型不能有。", $"The node '{node.Code}': a ratio needs a denominatorCode, and no other kind may have one."));
            }
            return;
        }
        var sum = node.Children!.Sum(c => c.Weight);
        if (sum != node.Weight)
        {
            throw new ApiException(Problems.SchemeWeightsDoNotAddUp,
                new($"节点“{node.Code}”的权重为 {node.Weight}，其下级权重之和为 {sum}，两者须相等。", $"The node '{node.Code}' weighs {node.Weight} but its children's weights add up to {sum}; they must be equal."),
                new Dictionary<string, object?> { ["nodeCode"] = node.Code, ["nodeWeight"] = node.Weight, ["childWeightSum"] = sum });
        }
        foreach (var child in node.Children!)
        {
            Check(child, depth + 1, seen);
        }
    }

    /// <summary>Every leaf's indicators exist; a ratio divides counts or amounts.</summary>
    public static async Task CheckIndicatorsAsync(DbSession session, SchemeNodeDto root, CancellationToken cancellationToken)
    {
        var leaves = SchemeScoring.Leaves(root).Select(n => (n.Code, Leaf: n.Leaf!)).ToList();
        var codes = leaves.SelectMany(l => new[] { l.Leaf.IndicatorCode, l.Leaf.DenominatorCode }).OfType<string>().Distinct().ToArray();
        var kinds = (await session.QueryAsync<(string Code, ValueKind Kind)>("select code, value_kind from indicators where code = any(@codes)", new { codes }, cancellationToken))
            .ToDictionary(k => k.Code, k => k.Kind);
        foreach (var (node, leaf) in leaves)
        {
            foreach (var code in new[] { leaf.IndicatorCode, leaf.DenominatorCode }.OfType<string>())
            {
                if (!kinds.TryGetValue(code, out var kind))
                {
                    throw new ApiException(Problems.SchemeUnknownIndicator,
                        new($"节点“{node}”引用的指标“{code}”不存在。", $"The node '{node}' names the indicator '{code}', which does not exist."),
                        new Dictionary<string, object?> { ["nodeCode"] = node, ["indicatorCode"] = code });
                }
                if (leaf.Kind == LeafKind.Ratio && kind is not (ValueKind.Count or ValueKind.Amount))
                {
                    throw new ApiException(Problems.SchemeIncompatibleRatio,
                        new($"节点“{node}”：比率只能由计数或数量类指标相除，“{code}”是{kind.ToDb()}。", $"The node '{node}': a ratio divides counts or amounts, and '{code}' is a {kind.ToDb()}."),
                        new Dictionary<string, object?> { ["nodeCode"] = node, ["indicatorCode"] = code });
                }
            }
        }
    }

    private static ApiException Malformed(string node, Infrastructure.Localization.Text text) =>
        new(Problems.SchemeMalformed, text, new Dictionary<string, object?> { ["nodeCode"] = node });
}
