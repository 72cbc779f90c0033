using System.Net;
using Gaoxin.Api.Tests.Features.Observations;
using Gaoxin.Api.Tests.Features.Parks;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Changes;

/// <summary>What a new mirror and a park's own system need from the feed: start now, follow only what concerns them.</summary>
public sealed class FeedFollowingTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<List<ChangeDto>> FollowAsync(string cursor, string filters = "")
    {
        var seen = new List<ChangeDto>();
        while (true)
        {
            var page = await (await Client.GetAsync($"/api/v1/changes?limit=5&cursor={cursor}{filters}")).ReadAsync<ChangePage>();
            seen.AddRange(page.Items);
            cursor = page.NextCursor;
            if (!page.HasMore)
            {
                return seen;
            }
        }
    }

    [Fact]
    public async Task A_new_mirror_starts_from_the_head_and_sees_only_what_comes_after()
    {
        var head = await (await Client.GetAsync("/api/v1/changes/head")).ReadAsync<ChangeFeedHead>();
        await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haidong", "2024", 7));

        var changes = await FollowAsync(head.Cursor);
        Assert.Equal(["incubating-enterprises/haidong/2024"], changes.Select(c => c.Key));
    }

    [Fact]
    public async Task The_feed_filters_by_resource_type_and_by_a_parks_subtree()
    {
        var head = (await (await Client.GetAsync("/api/v1/changes/head")).ReadAsync<ChangeFeedHead>()).Cursor;
        await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace("haidong-new-space", "haidong"));
        await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace("haichuang-new-space", "haichuang-centre"));
        await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haidong-incubator", "2024", 20));
        await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haichuang-centre", "2024", 13));

        var haidong = await FollowAsync(head, "&park=haidong");
        Assert.Equal(["haidong-new-space", "incubating-enterprises/haidong-incubator/2024"], haidong.Select(c => c.Key));
        var figures = await FollowAsync(head, "&resourceType=observation");
        Assert.Equal(["incubating-enterprises/haidong-incubator/2024", "incubating-enterprises/haichuang-centre/2024"], figures.Select(c => c.Key));
        var parksOfHaichuang = await FollowAsync(head, "&resourceType=park&park=haichuang-centre");
        Assert.Equal(["haichuang-new-space"], parksOfHaichuang.Select(c => c.Key));

        await (await Client.GetAsync("/api/v1/changes?resourceType=unicorn")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.GetAsync("/api/v1/changes?park=atlantis")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
    }

    [Fact]
    public async Task Every_list_pages_the_same_way_with_cursor_next_cursor_and_has_more()
    {
        var first = await (await Client.GetAsync("/api/v1/parks?limit=3")).ReadAsync<ParkPage>();
        Assert.True(first.HasMore);
        var rest = await (await Client.GetAsync($"/api/v1/parks?limit=50&cursor={first.NextCursor}")).ReadAsync<ParkPage>();
        Assert.False(rest.HasMore);
        Assert.Null(rest.NextCursor);
        Assert.Equal(8, first.Items.Count + rest.Items.Count);

        // The feed's old parameter name still works, so existing mirrors keep their place.
        var head = (await (await Client.GetAsync("/api/v1/changes/head")).ReadAsync<ChangeFeedHead>()).Cursor;
        var page = await (await Client.GetAsync($"/api/v1/changes?after={head}")).ReadAsync<ChangePage>();
        Assert.Empty(page.Items);
        Assert.Equal(head, page.NextCursor);
    }
}
