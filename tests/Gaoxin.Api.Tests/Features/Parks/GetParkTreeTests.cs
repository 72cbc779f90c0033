using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

public sealed class GetParkTreeTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_seeded_tree_is_the_zone_with_the_places_the_article_names()
    {
        var tree = await (await Client.GetAsync("/api/v1/parks/tree")).ReadAsync<List<ParkTreeNode>>();

        var zone = Assert.Single(tree);
        Assert.Equal("zhanjiang-hitech-zone", zone.Code);
        Assert.Equal(ParkKind.Zone, zone.Kind);
        Assert.Equal("湛江国家高新区", zone.Name);
        Assert.Equal(
            ["haichuang-centre", "haidong", "yuexi-data-valley", "zhanjiang-bay-lab-longwangwan"],
            zone.Children.Select(c => c.Code));

        var haidong = zone.Children.Single(c => c.Code == "haidong");
        Assert.Equal(["gdmu-haidong-campus", "haidong-incubator"], haidong.Children.Select(c => c.Code));
        var incubator = haidong.Children.Single(c => c.Code == "haidong-incubator");
        Assert.Equal(ParkKind.Incubator, incubator.Kind);
        Assert.Equal("湛江高新产业园（孵化器众创空间）", incubator.Name);
    }

    [Fact]
    public async Task Accept_Language_en_gives_english_names_and_says_so()
    {
        var response = await Client.GetAsync("/api/v1/parks/tree", "en-US,en;q=0.9");
        var tree = await response.ReadAsync<List<ParkTreeNode>>();

        Assert.Equal("en", response.Content.Headers.ContentLanguage.Single());
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.Equal("Zhanjiang National High-tech Zone", tree[0].Name);
        Assert.Contains(tree[0].Children, c => c.Name == "Haidong Park");
    }

    [Fact]
    public async Task Chinese_is_the_default_and_the_fallback_for_languages_the_platform_does_not_speak()
    {
        foreach (var language in new[] { "", "fr-FR", "zh", "zh-CN" })
        {
            var response = language == "" ? await Client.GetAsync("/api/v1/parks/tree") : await Client.GetAsync("/api/v1/parks/tree", language);
            var tree = await response.ReadAsync<List<ParkTreeNode>>();
            Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.Single());
            Assert.Equal("湛江国家高新区", tree[0].Name);
        }
    }
}
