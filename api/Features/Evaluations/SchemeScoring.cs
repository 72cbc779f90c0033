using Gaoxin.Contracts.Evaluations;

namespace Gaoxin.Api.Features.Evaluations;

/// <summary>A park's inputs: each leaf's value (null when missing) and, for targets, the park's target per leaf.</summary>
public sealed record ParkInputs(string ParkCode, string ParkName, IReadOnlyDictionary<string, decimal?> Values, IReadOnlyDictionary<string, decimal?> Targets);

/// <summary>A scored node before names are attached: what the scheme's rule gives, in numbers.</summary>
public sealed record NodeScore(string Code, decimal Weight, decimal EffectiveWeight, decimal Contribution, decimal? Value, decimal? Normalised, bool Missing,
    IReadOnlyList<NodeScore>? Children);

public sealed record ParkScore(string ParkCode, string ParkName, decimal Total, int Rank, IReadOnlyList<string> MissingInputs, NodeScore Root);

/// <summary>
/// The scoring rule, written once (README "Evaluation schemes"). Each leaf's values across the compared parks become a
/// share of its weight, 0–1, by its normalisation (lower-is-better leaves mirrored); a node earns the sum of its
/// children's points; the total is the root's. A missing input scores zero, or is left out with its weight shared
/// among its siblings that have a value in proportion to their weights (a dimension with none left is missing in
/// turn). Equal totals share a rank.
/// </summary>
public static class SchemeScoring
{
    public static IReadOnlyList<ParkScore> Score(SchemeNodeDto root, MissingInputs missingInputs, IReadOnlyList<ParkInputs> parks)
    {
        var normalised = new Dictionary<(string Leaf, string Park), decimal?>();
        foreach (var leaf in Leaves(root))
        {
            foreach (var (park, share) in Normalise(leaf, parks))
            {
                normalised[(leaf.Code, park)] = share;
            }
        }
        var scored = parks.Select(park =>
        {
            var node = ScoreNode(root, root.Weight, park, normalised, missingInputs) ?? Empty(root);
            var missing = Leaves(root).Where(l => park.Values.GetValueOrDefault(l.Code) is null || normalised[(l.Code, park.ParkCode)] is null).Select(l => l.Code).ToList();
            return (park, node, missing);
        }).ToList();
        return scored
            .Select(s => new ParkScore(s.park.ParkCode, s.park.ParkName, Math.Round(s.node.Contribution, 4),
                1 + scored.Count(other => Math.Round(other.node.Contribution, 4) > Math.Round(s.node.Contribution, 4)), s.missing, s.node))
            .OrderBy(p => p.Rank).ThenBy(p => p.ParkCode, StringComparer.Ordinal)
            .ToList();
    }

    public static IEnumerable<SchemeNodeDto> Leaves(SchemeNodeDto node) =>
        node.Children is { Count: > 0 } children ? children.SelectMany(Leaves) : [node];

    /// <summary>Each park's share of the leaf's weight, 0–1; null where the input is missing.</summary>
    public static IEnumerable<(string Park, decimal? Share)> Normalise(SchemeNodeDto leaf, IReadOnlyList<ParkInputs> parks)
    {
        var measure = leaf.Leaf!;
        var higher = measure.Direction == ScoreDirection.HigherIsBetter;
        var known = parks.Where(p => p.Values.GetValueOrDefault(leaf.Code) is not null).ToDictionary(p => p.ParkCode, p => p.Values[leaf.Code]!.Value);
        foreach (var park in parks)
        {
            if (!known.TryGetValue(park.ParkCode, out var value))
            {
                yield return (park.ParkCode, null);
                continue;
            }
            yield return (park.ParkCode, measure.Normalisation switch
            {
                Normalisation.MinMax => MinMax(value, known.Values, higher),
                Normalisation.ShareOfBest => ShareOfBest(value, known.Values, higher),
                Normalisation.Rank => Rank(value, known.Values, higher),
                _ => ToTarget(value, park.Targets.GetValueOrDefault(leaf.Code), higher),
            });
        }
    }

    private static decimal MinMax(decimal value, IEnumerable<decimal> all, bool higher)
    {
        var (min, max) = (all.Min(), all.Max());
        return max == min ? 1m : higher ? (value - min) / (max - min) : (max - value) / (max - min);
    }

    private static decimal ShareOfBest(decimal value, IEnumerable<decimal> all, bool higher)
    {
        if (higher)
        {
            var best = all.Max();
            return best <= 0 ? 1m : Math.Clamp(value / best, 0m, 1m);
        }
        var least = all.Min();
        return value <= 0 ? 1m : Math.Clamp(least / value, 0m, 1m);
    }

    private static decimal Rank(decimal value, IEnumerable<decimal> all, bool higher)
    {
        var values = all.ToList();
        if (values.Count == 1)
        {
            return 1m;
        }
        var better = values.Count(v => higher ? v > value : v < value);
        return 1m - (decimal)better / (values.Count - 1);
    }

    private static decimal? ToTarget(decimal value, decimal? target, bool higher) => target switch
    {
        null => null,
        0m => higher ? 1m : value <= 0 ? 1m : 0m,
        { } t => Math.Clamp(higher ? value / t : value == 0 ? 1m : t / value, 0m, 1m),
    };

    private static NodeScore? ScoreNode(SchemeNodeDto node, decimal effectiveWeight, ParkInputs park, Dictionary<(string, string), decimal?> normalised, MissingInputs missing)
    {
        if (node.Children is not { Count: > 0 } children)
        {
            var share = normalised[(node.Code, park.ParkCode)];
            var value = park.Values.GetValueOrDefault(node.Code);
            if (share is null)
            {
                return missing == MissingInputs.Zero ? new NodeScore(node.Code, node.Weight, effectiveWeight, 0m, value, null, true, null) : null;
            }
            return new NodeScore(node.Code, node.Weight, effectiveWeight, share.Value * effectiveWeight, value, Math.Round(share.Value, 4), false, null);
        }

        // Which children have something to give: with re-weighting, their weights are scaled to fill this node's.
        var present = missing == MissingInputs.Zero
            ? children
            : children.Where(child => Leaves(child).Any(leaf => normalised[(leaf.Code, park.ParkCode)] is not null)).ToList();
        if (present.Count == 0)
        {
            return null;
        }
        var scale = effectiveWeight / present.Sum(c => c.Weight);
        var scoredChildren = children.Select(child => present.Contains(child)
                ? ScoreNode(child, child.Weight * scale, park, normalised, missing) ?? Empty(child)
                : Empty(child))
            .ToList();
        return new NodeScore(node.Code, node.Weight, effectiveWeight, scoredChildren.Sum(c => c.Contribution), null, null, false, scoredChildren);
    }

    /// <summary>A node left out: no weight, no points, marked missing (its leaves too).</summary>
    private static NodeScore Empty(SchemeNodeDto node) => new(node.Code, node.Weight, 0m, 0m, null, null, true,
        node.Children is { Count: > 0 } children ? children.Select(Empty).ToList() : null);
}
