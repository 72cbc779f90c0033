using System.Net;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

public sealed class UpdateParkTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<ParkDto> GetAsync(string code) => await (await Client.GetAsync($"/api/v1/parks/{code}")).ReadAsync<ParkDto>();

    [Fact]
    public async Task An_update_replaces_the_fields_and_raises_the_version()
    {
        var before = await GetAsync("yuexi-data-valley");
        var update = before with
        {
            Status = ParkStatus.Operating,
            LandArea = new AreaDto { Value = 30, Unit = AreaUnit.Hectare },
        };

        var after = await (await PutCurrentAsync("/api/v1/parks/yuexi-data-valley", update)).ReadAsync<ParkDto>();

        Assert.Equal(ParkStatus.Operating, after.Status);
        Assert.Equal(new AreaDto { Value = 30, Unit = AreaUnit.Hectare }, after.LandArea);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.True(after.UpdatedAt >= before.UpdatedAt);
        Assert.Equal(after, await GetAsync("yuexi-data-valley"));
    }

    [Fact]
    public async Task A_park_can_move_to_another_parent()
    {
        var incubator = await GetAsync("haidong-incubator");
        var moved = await (await PutCurrentAsync("/api/v1/parks/haidong-incubator", incubator with { ParentCode = "haichuang-centre" }))
            .ReadAsync<ParkDto>();

        Assert.Equal("haichuang-centre", moved.ParentCode);
        Assert.Equal(1, (await GetAsync("haidong")).ChildCount);
        Assert.Equal(2, (await GetAsync("haichuang-centre")).ChildCount);
    }

    [Theory]
    [InlineData("haidong", "haidong")]
    [InlineData("haidong", "haidong-incubator")]
    public async Task Moving_a_park_under_itself_or_its_descendant_is_409_and_changes_nothing(string code, string newParent)
    {
        var park = await GetAsync(code);
        var problem = await (await PutCurrentAsync($"/api/v1/parks/{code}", park with { ParentCode = newParent }))
            .ReadProblemAsync(HttpStatusCode.Conflict, "park.parent-cycle");

        Assert.Equal(newParent, problem.GetProperty("parentCode").GetString());
        Assert.Equal(park, await GetAsync(code));
    }

    [Fact]
    public async Task Updating_an_unknown_park_is_404()
    {
        var haidong = await GetAsync("haidong");
        await (await PutCurrentAsync("/api/v1/parks/atlantis", haidong)).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
    }

    [Fact]
    public async Task An_invalid_update_is_400_and_changes_nothing()
    {
        var park = await GetAsync("haidong");
        var invalid = park with { Names = new LocalizedText { Zh = " ", En = "" } };

        var problem = await (await PutCurrentAsync("/api/v1/parks/haidong", invalid)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");

        Assert.Equal(["names.en", "names.zh"], problem.ErrorFields());
        Assert.Equal(park, await GetAsync("haidong"));
    }
}
