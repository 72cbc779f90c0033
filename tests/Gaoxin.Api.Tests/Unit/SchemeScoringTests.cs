using Gaoxin.Api.Features.Evaluations;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Evaluations;

namespace Gaoxin.Api.Tests.Unit;

public sealed class SchemeScoringTests
{
    private static readonly LocalizedText Name = new() { Zh = "示例", En = "Sample" };

    private static SchemeNodeDto Leaf(string code, decimal weight, Normalisation normalisation = Normalisation.MinMax, ScoreDirection direction = ScoreDirection.HigherIsBetter) => new()
    {
        Code = code, Names = Name, Weight = weight,
        Leaf = new LeafDto { Kind = LeafKind.Indicator, IndicatorCode = code, Direction = direction, Normalisation = normalisation },
    };

    private static SchemeNodeDto Dimension(string code, decimal weight, params SchemeNodeDto[] children) => new() { Code = code, Names = Name, Weight = weight, Children = children };

    private static ParkInputs Park(string code, params (string Leaf, decimal? Value)[] values) =>
        new(code, code, values.ToDictionary(v => v.Leaf, v => v.Value), new Dictionary<string, decimal?>());

    /// <summary>100 points: innovation 60 (a 40, b 20), land 40 (c, lower is better).</summary>
    private static readonly SchemeNodeDto Scheme = Dimension("root", 100,
        Dimension("innovation", 60, Leaf("a", 40), Leaf("b", 20, Normalisation.ShareOfBest)),
        Dimension("land", 40, Leaf("c", 40, Normalisation.Rank, ScoreDirection.LowerIsBetter)));

    [Fact]
    public void Each_leaf_earns_its_share_of_its_weight_and_the_total_is_the_sum()
    {
        var results = SchemeScoring.Score(Scheme, MissingInputs.Zero,
        [
            Park("p1", ("a", 10), ("b", 5), ("c", 3)),
            Park("p2", ("a", 20), ("b", 10), ("c", 1)),
            Park("p3", ("a", 15), ("b", 2), ("c", 2)),
        ]);

        // p2: a best (40), b best (20), c lowest (40) = 100. p3: a half-way (20), b 2/10 (4), c middle (20) = 44.
        // p1: a worst (0), b 5/10 (10), c worst (0) = 10.
        Assert.Equal([("p2", 100m, 1), ("p3", 44m, 2), ("p1", 10m, 3)], results.Select(r => (r.ParkCode, r.Total, r.Rank)));
        var innovation = results[1].Root.Children![0];
        Assert.Equal((24m, 60m), (innovation.Contribution, innovation.EffectiveWeight));
    }

    [Fact]
    public void A_missing_input_scores_zero_or_gives_its_weight_to_its_siblings()
    {
        ParkInputs[] parks = [Park("p1", ("a", 10), ("b", null), ("c", 1)), Park("p2", ("a", 20), ("b", 10), ("c", 2))];

        var zero = SchemeScoring.Score(Scheme, MissingInputs.Zero, parks).Single(r => r.ParkCode == "p1");
        Assert.Equal(40m, zero.Total); // a 0, b 0, c 40
        Assert.Equal(["b"], zero.MissingInputs);

        // Re-weighted: b's 20 points go to a, which scores 0 of 60; c still 40.
        var reweighted = SchemeScoring.Score(Scheme, MissingInputs.Reweight, parks).Single(r => r.ParkCode == "p1");
        var a = reweighted.Root.Children![0].Children![0];
        Assert.Equal((60m, 0m), (a.EffectiveWeight, a.Contribution));
        Assert.True(reweighted.Root.Children[0].Children![1].Missing);
        Assert.Equal(40m, reweighted.Total);
    }

    [Fact]
    public void Equal_totals_share_a_rank_and_equal_values_all_get_full_marks()
    {
        var results = SchemeScoring.Score(Dimension("root", 10, Leaf("a", 10)), MissingInputs.Zero, [Park("p1", ("a", 3)), Park("p2", ("a", 3))]);
        Assert.Equal([(10m, 1), (10m, 1)], results.Select(r => (r.Total, r.Rank)));
    }

    [Fact]
    public void Ratio_to_target_is_capped_at_the_target_and_missing_without_one()
    {
        var leaf = Leaf("a", 10, Normalisation.RatioToTarget);
        var parks = new[]
        {
            new ParkInputs("p1", "p1", new Dictionary<string, decimal?> { ["a"] = 30 }, new Dictionary<string, decimal?> { ["a"] = 40 }),
            new ParkInputs("p2", "p2", new Dictionary<string, decimal?> { ["a"] = 50 }, new Dictionary<string, decimal?> { ["a"] = 40 }),
            new ParkInputs("p3", "p3", new Dictionary<string, decimal?> { ["a"] = 50 }, new Dictionary<string, decimal?>()),
        };
        Assert.Equal([0.75m, 1m, null], SchemeScoring.Normalise(leaf, parks).Select(n => n.Share));
    }
}
