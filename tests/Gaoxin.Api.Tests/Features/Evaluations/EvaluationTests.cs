using System.Net;
using Gaoxin.Api.Tests.Features.Imports;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Evaluations;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Evaluations;

/// <summary>
/// Weighted evaluation schemes as an official uses them: how each park scores for a year, why, and what moved it.
/// The scheme and the 2024 figures here are illustrative (test data), over the seeded indicators.
/// </summary>
public sealed class EvaluationTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly LocalizedText Sample = new() { Zh = "示例", En = "Sample" };

    private static SchemeNodeDto Leaf(string code, string indicator, decimal weight, Normalisation normalisation) => new()
    {
        Code = code, Names = new LocalizedText { Zh = code + "（示例）", En = code + " (illustrative)" }, Weight = weight,
        Leaf = new LeafDto { Kind = LeafKind.Indicator, IndicatorCode = indicator, Direction = ScoreDirection.HigherIsBetter, Normalisation = normalisation },
    };

    /// <summary>100 points: innovation 60 (R&amp;D institutions 40 by min–max, incubators 20 by share of the best), space 40 (land by rank).</summary>
    private static CreateSchemeRequest Scheme(decimal rndWeight = 40) => new()
    {
        Code = "sample-index", Names = new LocalizedText { Zh = "示例综合评价", En = "Sample index (illustrative)" }, MissingInputs = MissingInputs.Reweight, Illustrative = true,
        Root = new SchemeNodeDto
        {
            Code = "total", Names = Sample, Weight = 100,
            Children =
            [
                new SchemeNodeDto { Code = "innovation", Names = Sample, Weight = 60, Children = [Leaf("rnd", "enterprise-rnd-institutions", rndWeight, Normalisation.MinMax), Leaf("incubators", "incubators", 60 - rndWeight, Normalisation.ShareOfBest)] },
                new SchemeNodeDto { Code = "space", Names = Sample, Weight = 40, Children = [Leaf("land", "land-acquisition-launched", 40, Normalisation.Rank)] },
            ],
        },
    };

    private const string Parks = "parks=haidong,haichuang-centre,yuexi-data-valley";

    private async Task RecordFiguresAsync()
    {
        foreach (var (indicator, park, value) in new[]
        {
            ("enterprise-rnd-institutions", "haidong", 10m), ("incubators", "haidong", 2m), ("land-acquisition-launched", "haidong", 6000m),
            ("enterprise-rnd-institutions", "haichuang-centre", 20m), ("incubators", "haichuang-centre", 1m), ("land-acquisition-launched", "haichuang-centre", 3000m),
            ("enterprise-rnd-institutions", "yuexi-data-valley", 5m),
        })
        {
            await (await PutObservationAsync(Put(indicator, park, "2024", value) with { AsOf = new DateOnly(2024, 12, 31) })).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        }
        await (await PutObservationAsync(Put("enterprise-rnd-institutions", "haidong", "2023", 20) with { AsOf = new DateOnly(2023, 12, 31) })).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        await (await PutObservationAsync(Put("incubators", "haidong", "2023", 1) with { AsOf = new DateOnly(2023, 12, 31) })).ReadAsync<ObservationDto>(HttpStatusCode.Created);
    }

    private async Task<EvaluationResultDto> ResultsAsync(string query) =>
        await (await Client.GetAsync($"/api/v1/evaluations/sample-index/results?{query}")).ReadAsync<EvaluationResultDto>();

    [Fact]
    public async Task Each_park_gets_a_total_a_rank_and_every_nodes_contribution_with_missing_inputs_reweighted()
    {
        await RecordFiguresAsync();
        await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", Scheme())).ReadAsync<SchemeDto>(HttpStatusCode.Created);

        var results = await ResultsAsync($"period=2024&{Parks}");

        // Haidong: R&D (10 of 5..20) a third of 40, incubators the best (20), land the best (40).
        Assert.Equal([("haidong", 73.3333m, 1), ("haichuang-centre", 50m, 2), ("yuexi-data-valley", 0m, 3)], results.Parks.Select(p => (p.ParkCode, p.Total, p.Rank)));
        var haidong = results.Parks[0];
        Assert.Equal(20m, haidong.Root.Children![0].Children![1].Contribution);
        // Yuexi has no incubators and no land figure: R&D carries the whole 100, and it is the lowest.
        var yuexi = results.Parks[2];
        Assert.Equal(["incubators", "land"], yuexi.MissingInputs);
        Assert.Equal(100m, yuexi.Root.Children![0].Children![0].EffectiveWeight);
        Assert.True(yuexi.Root.Children[1].Missing);
    }

    [Fact]
    public async Task The_explanation_says_node_by_node_what_made_the_score_and_what_moved_it_since_the_year_before()
    {
        await RecordFiguresAsync();
        await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", Scheme())).ReadAsync<SchemeDto>(HttpStatusCode.Created);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/evaluations/sample-index/results/haidong/explain?period=2024&comparePeriod=2023&{Parks}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var explain = await (await Client.SendAsync(request)).ReadAsync<ExplainDto>();

        Assert.Equal("2023", explain.ComparedPeriod);
        Assert.Equal(["total", "innovation", "rnd", "incubators", "space", "land"], explain.Lines.Select(l => l.Code));
        var rnd = explain.Lines.Single(l => l.Code == "rnd");
        Assert.Contains("value 10", rnd.Text);
        Assert.Contains("Down", rnd.Text); // 2023: 20 of 5..20 was the best, 40 points
        Assert.Equal("rnd", explain.Movers[0].Code);
        Assert.Equal(40m, explain.Movers[0].ComparedContribution);
    }

    [Fact]
    public async Task A_revised_scheme_is_a_new_version_and_past_results_stay_reproducible()
    {
        await RecordFiguresAsync();
        var first = await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", Scheme())).ReadAsync<SchemeDto>(HttpStatusCode.Created);
        var before = await ResultsAsync($"period=2024&{Parks}");
        var moment = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"));

        var revised = await (await PutCurrentAsync("/api/v1/evaluation-schemes/sample-index", first with { Root = Scheme(rndWeight: 30).Root })).ReadAsync<SchemeDto>();
        Assert.Equal(2, revised.Version);
        Assert.Equal(40m, (await (await Client.GetAsync("/api/v1/evaluation-schemes/sample-index?version=1")).ReadAsync<SchemeDto>()).Root.Children![0].Children![0].Weight);

        var now = await ResultsAsync($"period=2024&{Parks}");
        Assert.Equal(2, now.SchemeVersion);
        Assert.NotEqual(before.Parks[0].Total, now.Parks[0].Total);
        var then = await ResultsAsync($"period=2024&{Parks}&asOf={moment}");
        Assert.Equal(1, then.SchemeVersion);
        Assert.Equal(before.Parks.Select(p => (p.ParkCode, p.Total, p.Rank)), then.Parks.Select(p => (p.ParkCode, p.Total, p.Rank)));
    }

    [Fact]
    public async Task A_scheme_that_breaks_a_rule_of_its_tree_is_refused_naming_the_node_and_nothing_is_written()
    {
        var unbalanced = Scheme() with { Root = Scheme().Root with { Children = [Scheme().Root.Children![0], Scheme().Root.Children![1] with { Weight = 30 }] } };
        var sums = await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", unbalanced)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "scheme.weights-do-not-add-up");
        Assert.Equal(("total", 100m, 90m), (sums.GetProperty("nodeCode").GetString(), sums.GetProperty("nodeWeight").GetDecimal(), sums.GetProperty("childWeightSum").GetDecimal()));

        var unknown = Scheme() with { Root = Scheme().Root with { Children = [Scheme().Root.Children![0], new SchemeNodeDto { Code = "space", Names = Sample, Weight = 40, Children = [Leaf("land", "no-such-indicator", 40, Normalisation.Rank)] }] } };
        var missing = await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", unknown)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "scheme.unknown-indicator");
        Assert.Equal(("land", "no-such-indicator"), (missing.GetProperty("nodeCode").GetString(), missing.GetProperty("indicatorCode").GetString()));

        var ratio = Leaf("land", "road-network-phase-2-progress", 40, Normalisation.MinMax) with
        {
            Leaf = new LeafDto { Kind = LeafKind.Ratio, IndicatorCode = "road-network-phase-2-progress", DenominatorCode = "incubators", Direction = ScoreDirection.HigherIsBetter, Normalisation = Normalisation.MinMax },
        };
        var progress = Scheme() with { Root = Scheme().Root with { Children = [Scheme().Root.Children![0], Scheme().Root.Children![1] with { Children = [ratio] }] } };
        await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", progress)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "scheme.incompatible-ratio");

        var twice = Scheme() with { Root = Scheme().Root with { Children = [Scheme().Root.Children![0], Scheme().Root.Children![1] with { Code = "innovation" }] } };
        await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", twice)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "scheme.malformed");

        Assert.Equal(0, await CountAsync("evaluation_schemes"));
        await (await Client.GetAsync("/api/v1/evaluations/no-such-scheme/results?period=2024")).ReadProblemAsync(HttpStatusCode.NotFound, "scheme.not-found");
        await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", Scheme())).ReadAsync<SchemeDto>(HttpStatusCode.Created);
        await (await Client.GetAsync("/api/v1/evaluations/sample-index/results?period=2024&parks=atlantis")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
    }

    [Fact]
    public async Task The_illustrative_sample_scheme_is_accepted_says_it_is_illustrative_and_scores_the_zones_parks()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(Policies.PolicySamples.FilePath)!, "scheme-illustrative.json"));
        var report = await (await Client.PostAsync("schemes", file, "application/json")).ReportAsync();
        Assert.Equal((1, 0), (report.Created, report.Rejected));
        var again = await (await Client.PostAsync("schemes", file, "application/json")).ReportAsync();
        Assert.Equal(1, again.Unchanged);
        var scheme = await (await Client.GetAsync("/api/v1/evaluation-schemes/sample-innovation-index")).ReadAsync<SchemeDto>();
        Assert.Equal(1, scheme.Version);
        Assert.True(scheme.Illustrative);
        Assert.Contains("示例", scheme.Descriptions.Zh);

        var results = await (await Client.GetAsync("/api/v1/evaluations/sample-innovation-index/results?period=2023")).ReadAsync<EvaluationResultDto>();
        Assert.Equal(["haichuang-centre", "haidong", "yuexi-data-valley", "zhanjiang-bay-lab-longwangwan"], results.Parks.Select(p => p.ParkCode).Order());
        Assert.Equal(("haidong", 1), (results.Parks[0].ParkCode, results.Parks[0].Rank)); // the only park with a 2023 figure (land, 5000 mu)
    }

    [Fact]
    public async Task A_park_below_the_zones_own_parks_is_explained_among_them_and_an_unknown_one_is_404()
    {
        await (await Client.PostJsonAsync("/api/v1/evaluation-schemes", Scheme())).ReadAsync<SchemeDto>(HttpStatusCode.Created);
        var explain = await (await Client.GetAsync("/api/v1/evaluations/sample-index/results/haidong-incubator/explain?period=2023")).ReadAsync<ExplainDto>();
        Assert.Equal("haidong-incubator", explain.Result.ParkCode);
        // Ranked among the zone's parks: Haidong leads with its 2023 land figure; the incubator has none of the inputs.
        Assert.Equal((2, 0m), (explain.Result.Rank, explain.Result.Total));
        Assert.Equal(["rnd", "incubators", "land"], explain.Result.MissingInputs);
        await (await Client.GetAsync("/api/v1/evaluations/sample-index/results/atlantis/explain?period=2023")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
    }
}
