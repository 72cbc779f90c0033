using System.Net;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

public sealed class GetParkTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_park_comes_with_both_languages_its_parent_and_the_article_as_its_source()
    {
        var park = await (await Client.GetAsync("/api/v1/parks/haidong")).ReadAsync<ParkDto>();

        Assert.Equal("haidong", park.Code);
        Assert.Equal(ParkKind.Park, park.Kind);
        Assert.Equal("zhanjiang-hitech-zone", park.ParentCode);
        Assert.Equal("海东园区", park.Name);
        Assert.Equal("海东园区", park.Names.Zh);
        Assert.Equal("Haidong Park", park.Names.En);
        Assert.Contains("5000 亩", park.Description);
        Assert.Equal(ParkStatus.UnderConstruction, park.Status);
        Assert.Equal(2, park.ChildCount);
        Assert.Equal("article-2023-03-31", park.Source?.Code);
        Assert.Equal(new DateOnly(2023, 3, 31), park.Source?.PublishedOn);
        // The article gives no land area, accreditation or phase for Haidong: the seed invents none.
        Assert.Null(park.LandArea);
        Assert.Null(park.AccreditationLevel);
        Assert.Null(park.DevelopmentPhase);
    }

    [Fact]
    public async Task In_english_the_name_description_and_source_title_are_english()
    {
        var park = await (await Client.GetAsync("/api/v1/parks/haidong-incubator", "en")).ReadAsync<ParkDto>();

        Assert.Equal("Zhanjiang High-tech Industrial Park (incubator and maker space)", park.Name);
        Assert.Contains("18 enterprises in incubation", park.Description);
        Assert.StartsWith("Focus on", park.Source!.Title);
    }

    [Fact]
    public async Task An_unknown_code_is_a_404_problem_naming_the_code_in_the_request_language()
    {
        var zh = await (await Client.GetAsync("/api/v1/parks/no-such-park")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        Assert.Contains("no-such-park", zh.GetProperty("detail").GetString());
        Assert.Equal("no-such-park", zh.GetProperty("parkCode").GetString());
        Assert.Equal("资源不存在", zh.GetProperty("title").GetString());

        var en = await (await Client.GetAsync("/api/v1/parks/no-such-park", "en")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        Assert.Equal("Park 'no-such-park' does not exist.", en.GetProperty("detail").GetString());
    }
}
