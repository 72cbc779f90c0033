using System.Net;

namespace Gaoxin.Api.Tests.Infrastructure;

/// <summary>Inputs an outside audit found answering 500: each is now a clear answer that changes nothing.</summary>
public sealed class HostileInputTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("/api/v1/parks/haidong/indicators?asOf=9999-12-31")]
    [InlineData("/api/v1/parks/haidong/indicators?asOf=9999-12-31T23:59:59")]
    [InlineData("/api/v1/observations?indicator=incubators&park=zhanjiang-hitech-zone&asOf=9999-12-31")]
    public async Task The_last_day_of_the_calendar_reads_as_now(string url)
    {
        var now = await Client.GetStringAsync(url.Replace("9999-12-31T23:59:59", "9999-12-30").Replace("9999-12-31", "9999-12-30"));
        Assert.Equal(now, await Client.GetStringAsync(url));
    }

    [Fact]
    public async Task A_nul_character_in_a_search_or_a_name_is_a_400_and_writes_nothing()
    {
        await (await Client.GetAsync("/api/v1/indicators?q=%00")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");

        var before = await CountAsync("parks");
        var park = Features.Parks.ParkRequests.MakerSpace() with { Names = new() { Zh = "空\0间", En = "Space" } };
        await (await Client.PostJsonAsync("/api/v1/parks", park)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(before, await CountAsync("parks"));
    }

    [Theory]
    [InlineData("/api/v1/parks/haidong")]
    [InlineData("/api/v1/indicators/incubators")]
    [InlineData("/api/v1/policies/high-quality-development-opinions")]
    public async Task Head_of_a_resource_answers_like_get_without_the_body(string url)
    {
        var get = await Client.GetAsync(url);
        using var head = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var missing = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url + "-nothing"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
