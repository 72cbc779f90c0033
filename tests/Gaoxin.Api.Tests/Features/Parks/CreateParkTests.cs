using System.Net;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Parks;

public sealed class CreateParkTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_created_park_is_201_with_its_location_and_then_readable_and_in_the_tree()
    {
        var response = await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace());
        var created = await response.ReadAsync<ParkDto>(HttpStatusCode.Created);

        Assert.Equal("/api/v1/parks/test-maker-space", response.Headers.Location?.OriginalString);
        Assert.Equal("测试众创空间", created.Name);
        Assert.Equal(1, created.Version);

        var read = await (await Client.GetAsync("/api/v1/parks/test-maker-space", "en")).ReadAsync<ParkDto>();
        Assert.Equal("Test maker space", read.Name);
        Assert.Equal("haidong", read.ParentCode);
        Assert.Equal(AccreditationLevel.Provincial, read.AccreditationLevel);
        Assert.Equal(new AreaDto { Value = 12.5m, Unit = AreaUnit.Mu }, read.LandArea);
        Assert.Equal(DevelopmentPhase.NearTerm, read.DevelopmentPhase);

        var tree = await (await Client.GetAsync("/api/v1/parks/tree")).ReadAsync<List<ParkTreeNode>>();
        var haidong = tree[0].Children.Single(c => c.Code == "haidong");
        Assert.Contains(haidong.Children, c => c.Code == "test-maker-space" && c.Kind == ParkKind.MakerSpace);
    }

    [Fact]
    public async Task A_taken_code_is_409_and_the_original_is_untouched()
    {
        var duplicate = ParkRequests.MakerSpace(code: "haidong");
        var problem = await (await Client.PostJsonAsync("/api/v1/parks", duplicate)).ReadProblemAsync(HttpStatusCode.Conflict, "park.code-taken");
        Assert.Equal("haidong", problem.GetProperty("parkCode").GetString());

        var haidong = await (await Client.GetAsync("/api/v1/parks/haidong")).ReadAsync<ParkDto>();
        Assert.Equal("海东园区", haidong.Name);
        Assert.Equal(ParkKind.Park, haidong.Kind);
    }

    [Fact]
    public async Task An_unknown_parent_or_source_is_404_naming_it_and_writes_nothing()
    {
        var before = await CountAsync("parks");

        var parent = await (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace(parent: "atlantis")))
            .ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        Assert.Equal("atlantis", parent.GetProperty("parkCode").GetString());

        var source = await (await Client.PostJsonAsync("/api/v1/parks", ParkRequests.MakerSpace() with { SourceCode = "rumour" }))
            .ReadProblemAsync(HttpStatusCode.NotFound, "source.not-found");
        Assert.Equal("rumour", source.GetProperty("sourceCode").GetString());

        Assert.Equal(before, await CountAsync("parks"));
    }

    [Fact]
    public async Task A_second_zone_is_refused_the_zone_is_the_one_root()
    {
        var zone = ParkRequests.MakerSpace(code: "another-zone") with { Kind = ParkKind.Zone, ParentCode = null };
        await (await Client.PostJsonAsync("/api/v1/parks", zone)).ReadProblemAsync(HttpStatusCode.Conflict, "park.zone-exists");
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_every_bad_field_named_and_nothing_written()
    {
        var before = await CountAsync("parks");
        var invalid = ParkRequests.MakerSpace(code: "Bad Code!") with
        {
            ParentCode = null,
            Names = new LocalizedText { Zh = "", En = new string('x', 201) },
            LandArea = new AreaDto { Value = -1, Unit = AreaUnit.Mu },
        };

        var problem = await (await Client.PostJsonAsync("/api/v1/parks", invalid)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");

        Assert.Equal(["code", "landArea.value", "names.en", "names.zh", "parentCode"], problem.ErrorFields());
        Assert.Equal(before, await CountAsync("parks"));
    }

    [Fact]
    public async Task Validation_messages_follow_the_request_language()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/parks")
        {
            Content = System.Net.Http.Json.JsonContent.Create(ParkRequests.MakerSpace() with { ParentCode = null }, options: Http.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");

        Assert.Equal("Invalid request", problem.GetProperty("title").GetString());
        Assert.Equal("Every park but the zone itself needs a parent (parentCode).", problem.GetProperty("errors").GetProperty("parentCode")[0].GetString());
    }

    [Theory]
    [InlineData("{\"code\": \"x1\", ", "$")]
    [InlineData("{\"code\": \"x1\", \"kind\": \"spaceport\", \"names\": {\"zh\": \"甲\", \"en\": \"A\"}, \"parentCode\": \"haidong\"}", "kind")]
    [InlineData("{\"code\": \"x1\", \"kind\": 1, \"names\": {\"zh\": \"甲\", \"en\": \"A\"}, \"parentCode\": \"haidong\"}", "kind")]
    [InlineData("{\"code\": \"x1\", \"kind\": \"park\", \"names\": {\"zh\": \"甲\", \"en\": null}, \"parentCode\": \"haidong\"}", "names.en")]
    [InlineData("{\"code\": \"x1\", \"kind\": \"park\", \"names\": {\"zh\": \"甲\", \"en\": \"A\"}, \"parentCode\": \"haidong\", \"owner\": \"me\"}", "owner")]
    [InlineData("{\"code\": \"x1\", \"parentCode\": \"haidong\"}", "descriptions,kind,names")]
    [InlineData("[]", "$")]
    public async Task Malformed_or_off_contract_json_is_400_naming_the_field(string body, string fields)
    {
        var problem = await (await Client.PostRawAsync("/api/v1/parks", body)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.malformed-body");
        Assert.Equal(fields.Split(','), problem.ErrorFields());
        Assert.Equal(8, await CountAsync("parks"));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        await (await Client.PostRawAsync("/api/v1/parks", "code=x1", "application/x-www-form-urlencoded"))
            .ReadProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
    }
}
