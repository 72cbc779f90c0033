using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;

namespace Gaoxin.Api.Tests.Features.Observations;

/// <summary>Every figure of the article of 2023-03-31 comes back exactly, with its date and source.</summary>
public sealed class SeededFiguresTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<ObservationDto> ZoneFigureAsync(string indicator, string park = "zhanjiang-hitech-zone")
    {
        var page = await (await Client.GetAsync($"/api/v1/observations?indicator={indicator}&park={park}")).ReadAsync<ObservationPage>();
        return Assert.Single(page.Items);
    }

    [Fact]
    public async Task One_call_answers_how_many_enterprise_rnd_institutions_at_which_levels_as_of_when_according_to_what()
    {
        var figure = await ZoneFigureAsync("enterprise-rnd-institutions");

        Assert.Equal(78, figure.Value);
        Assert.Equal([("provincial", 29m), ("municipal", 49m)], figure.Parts());
        Assert.Equal(["省级", "市级"], figure.Breakdown.Select(b => b.Name));
        Assert.Equal(new DateOnly(2023, 3, 31), figure.AsOf);
        Assert.Equal("2023-03-31", figure.Period);
        Assert.Equal("article-2023-03-31", figure.Source?.Code);
        Assert.Equal(new DateOnly(2023, 3, 31), figure.Source?.PublishedOn);
        Assert.Equal(IndicatorUnit.Count, figure.Unit);
    }

    [Fact]
    public async Task Incubators_are_5_national_1_municipal_4()
    {
        var figure = await ZoneFigureAsync("incubators");
        Assert.Equal(5, figure.Value);
        Assert.Equal([("national", 1m), ("municipal", 4m)], figure.Parts());
    }

    [Fact]
    public async Task Maker_spaces_are_4_national_1_provincial_1_municipal_2()
    {
        var response = await Client.GetAsync("/api/v1/observations?indicator=maker-spaces&park=zhanjiang-hitech-zone", "en");
        var figure = Assert.Single((await response.ReadAsync<ObservationPage>()).Items);
        Assert.Equal(4, figure.Value);
        Assert.Equal([("national", 1m), ("provincial", 1m), ("municipal", 2m)], figure.Parts());
        Assert.Equal(["National", "Provincial", "Municipal"], figure.Breakdown.Select(b => b.Name));
    }

    [Fact]
    public async Task The_zone_dashboard_holds_every_figure_of_the_article()
    {
        var figures = await (await Client.GetAsync("/api/v1/parks/zhanjiang-hitech-zone/indicators?includeDescendants=true")).ReadAsync<List<ParkIndicatorValueDto>>();

        var expected = new Dictionary<string, decimal>
        {
            ["national-rnd-institutions"] = 6, ["national-rnd-branch-centres"] = 2, ["national-testing-institutions"] = 2,
            ["provincial-laboratories"] = 1, ["provincial-key-laboratories"] = 4, ["provincial-new-rnd-institutions"] = 2,
            ["enterprise-rnd-institutions"] = 78, ["incubators"] = 5, ["maker-spaces"] = 4, ["incubating-enterprises"] = 18,
            ["land-acquisition-launched"] = 5000, ["key-senior-high-schools"] = 6, ["primary-and-junior-schools"] = 14,
            ["international-schools"] = 1, ["secondary-schools-under-construction"] = 2, ["hospitals-grade-2a"] = 1,
            ["road-network-phase-2-progress"] = 78,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), figures.ToDictionary(f => f.IndicatorCode, f => f.Value).OrderBy(e => e.Key));
        Assert.All(figures, f => Assert.Equal(new DateOnly(2023, 3, 31), f.AsOf));

        var land = figures.Single(f => f.IndicatorCode == "land-acquisition-launched");
        Assert.Equal(IndicatorUnit.Mu, land.Unit);
        Assert.Equal(["haidong"], land.ParkCodes);
        Assert.True(land.RolledUp);
        var incubating = figures.Single(f => f.IndicatorCode == "incubating-enterprises");
        Assert.Equal(["haidong-incubator"], incubating.ParkCodes);
        var road = figures.Single(f => f.IndicatorCode == "road-network-phase-2-progress");
        Assert.Equal(new DateOnly(2023, 10, 31), road.Progress?.PlannedCompletion);
    }

    [Fact]
    public async Task The_18_enterprises_in_incubation_belong_to_the_haidong_incubator_and_the_5000_mu_to_haidong()
    {
        Assert.Equal(18, (await ZoneFigureAsync("incubating-enterprises", "haidong-incubator")).Value);
        Assert.Equal(5000, (await ZoneFigureAsync("land-acquisition-launched", "haidong")).Value);
        var zoneOwn = await (await Client.GetAsync("/api/v1/parks/zhanjiang-hitech-zone/indicators")).ReadAsync<List<ParkIndicatorValueDto>>();
        Assert.DoesNotContain(zoneOwn, f => f.IndicatorCode is "incubating-enterprises" or "land-acquisition-launched");
        Assert.Equal(15, zoneOwn.Count);
    }
}
