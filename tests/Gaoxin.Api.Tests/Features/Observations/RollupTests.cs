using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Observations;

public sealed class RollupTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<List<ParkIndicatorValueDto>> DashboardAsync(string park, bool descendants) =>
        await (await Client.GetAsync($"/api/v1/parks/{park}/indicators?includeDescendants={descendants.ToString().ToLowerInvariant()}"))
            .ReadAsync<List<ParkIndicatorValueDto>>();

    [Fact]
    public async Task Sub_parks_add_up_where_the_park_has_no_figure_of_its_own()
    {
        // Illustrative figures for the test: a second incubator-bearing park with 3 enterprises in incubation.
        await PutObservationAsync(Put("incubating-enterprises", "haichuang-centre", "2023-03-31", 3));

        var zone = await DashboardAsync("zhanjiang-hitech-zone", descendants: true);
        var incubating = zone.Single(f => f.IndicatorCode == "incubating-enterprises");
        Assert.Equal(21, incubating.Value);
        Assert.True(incubating.RolledUp);
        Assert.Equal(["haichuang-centre", "haidong-incubator"], incubating.ParkCodes);
        Assert.Null(incubating.Source); // several parks' figures: no single source

        var haidong = await DashboardAsync("haidong", descendants: true);
        Assert.Equal(18, haidong.Single(f => f.IndicatorCode == "incubating-enterprises").Value);
    }

    [Fact]
    public async Task A_sum_adds_figures_of_one_period_only_never_mixing_periods_under_one_date()
    {
        // Illustrative: 13 enterprises in incubation at another park for 2024-Q4, beside Haidong's 18 of 2023-03-31.
        await PutObservationAsync(Put("incubating-enterprises", "haichuang-centre", "2024-Q4", 13));

        var zone = (await DashboardAsync("zhanjiang-hitech-zone", descendants: true)).Single(f => f.IndicatorCode == "incubating-enterprises");
        Assert.Equal((13m, "2024-Q4"), (zone.Value, zone.Period)); // not "31 as of 2024-12-31"
        Assert.Equal(["haichuang-centre"], zone.ParkCodes);

        // Once Haidong reports the same period, the two add up.
        await PutObservationAsync(Put("incubating-enterprises", "haidong-incubator", "2024-Q4", 20));
        zone = (await DashboardAsync("zhanjiang-hitech-zone", descendants: true)).Single(f => f.IndicatorCode == "incubating-enterprises");
        Assert.Equal((33m, "2024-Q4"), (zone.Value, zone.Period));
        Assert.Equal(["haichuang-centre", "haidong-incubator"], zone.ParkCodes);
    }

    [Fact]
    public async Task A_parks_own_figure_wins_over_its_sub_parks()
    {
        await PutObservationAsync(Put("incubating-enterprises", "haidong", "2023-03-31", 25));

        var haidong = (await DashboardAsync("haidong", descendants: true)).Single(f => f.IndicatorCode == "incubating-enterprises");
        Assert.Equal(25, haidong.Value);
        Assert.False(haidong.RolledUp);
        Assert.Equal(["haidong"], haidong.ParkCodes);
    }

    [Fact]
    public async Task Breakdowns_roll_up_member_by_member()
    {
        await PutObservationAsync(Put("maker-spaces", "haidong-incubator", "2024", null, ("national", 1), ("municipal", 1)));
        await PutObservationAsync(Put("maker-spaces", "gdmu-haidong-campus", "2024", null, ("provincial", 2), ("municipal", 1)));

        var makerSpaces = (await DashboardAsync("haidong", descendants: true)).Single(f => f.IndicatorCode == "maker-spaces");
        Assert.Equal(5, makerSpaces.Value);
        Assert.Equal([("national", 1m), ("provincial", 2m), ("municipal", 2m)], makerSpaces.Parts());
    }

    [Fact]
    public async Task Without_descendants_only_the_parks_own_figures_count()
    {
        Assert.Equal(["incubating-enterprises"], (await DashboardAsync("haidong-incubator", descendants: false)).Select(f => f.IndicatorCode));
        Assert.Equal(["land-acquisition-launched"], (await DashboardAsync("haidong", descendants: false)).Select(f => f.IndicatorCode));
    }

    [Fact]
    public async Task The_dashboard_of_an_unknown_park_is_404()
    {
        await (await Client.GetAsync("/api/v1/parks/atlantis/indicators")).ReadProblemAsync(System.Net.HttpStatusCode.NotFound, "park.not-found");
    }
}
