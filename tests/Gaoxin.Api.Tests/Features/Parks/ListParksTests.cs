using System.Net;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

public sealed class ListParksTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] SeededCodes =
    [
        "gdmu-haidong-campus", "haichuang-centre", "haidong", "haidong-incubator", "yuexi-data-valley",
        "zhanjiang-bay-lab-longwangwan", "zhanjiang-hitech-zone", "zhanjiang-marine-st-base",
    ];

    [Fact]
    public async Task Following_next_cursor_visits_every_park_once_in_code_order()
    {
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/parks?limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await (await Client.GetAsync(url)).ReadAsync<ParkPage>();
            Assert.True(page.Items.Count <= 3);
            seen.AddRange(page.Items.Select(p => p.Code));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(SeededCodes, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task A_page_that_holds_everything_has_no_next_cursor()
    {
        var page = await (await Client.GetAsync("/api/v1/parks")).ReadAsync<ParkPage>();
        Assert.Equal(SeededCodes, page.Items.Select(p => p.Code));
        Assert.Null(page.NextCursor);
    }

    [Theory]
    [InlineData("kind=researchBase", new[] { "gdmu-haidong-campus", "zhanjiang-bay-lab-longwangwan", "zhanjiang-marine-st-base" })]
    [InlineData("parent=haidong", new[] { "gdmu-haidong-campus", "haidong-incubator" })]
    [InlineData("q=孵化", new[] { "haidong", "haidong-incubator" })]
    [InlineData("q=maker%20space", new[] { "haidong-incubator" })]
    [InlineData("q=%E6%B5%B7%E5%88%9B", new[] { "haichuang-centre", "zhanjiang-marine-st-base" })]
    [InlineData("kind=park&parent=zhanjiang-hitech-zone", new[] { "haichuang-centre", "haidong" })]
    [InlineData("q=100%25", new string[0])]
    public async Task Filters_narrow_the_list(string query, string[] expected)
    {
        var page = await (await Client.GetAsync("/api/v1/parks?" + query)).ReadAsync<ParkPage>();
        Assert.Equal(expected, page.Items.Select(p => p.Code));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("parent=Not%20A%20Code", "parent")]
    public async Task Invalid_paging_or_filters_are_400_with_the_field_named(string query, string field)
    {
        var problem = await (await Client.GetAsync("/api/v1/parks?" + query)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal([field], problem.ErrorFields());
    }

    [Theory]
    [InlineData("limit=abc", "limit")]
    [InlineData("kind=spaceport", "kind")]
    public async Task Parameters_of_the_wrong_type_are_400_with_the_parameter_named(string query, string field)
    {
        var problem = await (await Client.GetAsync("/api/v1/parks?" + query)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
        Assert.Equal([field], problem.ErrorFields());
    }
}
