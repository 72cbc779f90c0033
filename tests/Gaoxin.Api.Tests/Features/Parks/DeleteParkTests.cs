using System.Net;

namespace Gaoxin.Api.Tests.Features.Parks;

public sealed class DeleteParkTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Deleting_a_leaf_is_204_and_then_it_is_gone()
    {
        var response = await DeleteCurrentAsync("/api/v1/parks/zhanjiang-marine-st-base");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await (await Client.GetAsync("/api/v1/parks/zhanjiang-marine-st-base")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        Assert.Equal(7, await CountAsync("parks"));
    }

    [Fact]
    public async Task A_park_a_project_is_recorded_in_is_409_counting_them_and_stays()
    {
        // The seed records the Haidong campus as a project in the campus's own park.
        var problem = await (await DeleteCurrentAsync("/api/v1/parks/gdmu-haidong-campus")).ReadProblemAsync(HttpStatusCode.Conflict, "park.has-projects");
        Assert.Equal(1, problem.GetProperty("projectCount").GetInt64());
        Assert.Equal(8, await CountAsync("parks"));
    }

    [Fact]
    public async Task A_park_with_children_is_409_listing_them_and_stays()
    {
        var problem = await (await DeleteCurrentAsync("/api/v1/parks/haidong")).ReadProblemAsync(HttpStatusCode.Conflict, "park.has-children");

        Assert.Equal(["gdmu-haidong-campus", "haidong-incubator"], problem.GetProperty("childCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(8, await CountAsync("parks"));
    }

    [Fact]
    public async Task A_park_with_observations_is_409_and_keeps_its_figures_and_their_history()
    {
        var problem = await (await DeleteCurrentAsync("/api/v1/parks/haidong-incubator")).ReadProblemAsync(HttpStatusCode.Conflict, "park.has-observations");
        Assert.Equal(1, problem.GetProperty("observationCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteObservationAsync("incubating-enterprises", "haidong-incubator", "2023-03-31")).StatusCode);
        await (await DeleteCurrentAsync("/api/v1/parks/haidong-incubator")).ReadProblemAsync(HttpStatusCode.Conflict, "park.has-history");
        var history = await Client.GetStringAsync("/api/v1/observations/history?indicator=incubating-enterprises&park=haidong-incubator&period=2023-03-31");
        Assert.Contains("deleted", history);
    }

    [Fact]
    public async Task Deleting_an_unknown_park_is_404()
    {
        await (await DeleteCurrentAsync("/api/v1/parks/atlantis")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
    }
}
