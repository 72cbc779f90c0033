using System.Net;
using System.Net.Http.Json;
using Gaoxin.Contracts.Parks;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Concurrency;

/// <summary>
/// Two editors, or an editor and an unattended municipal system, must not silently overwrite each other:
/// every single resource carries an ETag, and a change to something that exists must say which version it changes.
/// </summary>
public sealed class PreconditionTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Park = "/api/v1/parks/yuexi-data-valley";

    private async Task<ParkDto> ReadParkAsync() => await (await Client.GetAsync(Park)).ReadAsync<ParkDto>();

    private static HttpRequestMessage PutRequest(string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, body.GetType(), options: Http.Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return request;
    }

    [Fact]
    public async Task A_single_resource_carries_its_version_as_ETag_and_answers_304_to_a_current_copy()
    {
        var response = await Client.GetAsync(Park);
        var park = await response.ReadAsync<ParkDto>();
        Assert.Equal($"\"{park.Version}\"", response.Headers.ETag?.Tag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, Park);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", response.Headers.ETag!.Tag);
        var notModified = await Client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_update_without_If_Match_is_428_naming_the_current_ETag_and_changes_nothing()
    {
        var park = await ReadParkAsync();

        var problem = await (await Client.SendAsync(PutRequest(Park, park with { LandArea = new AreaDto { Value = 11, Unit = AreaUnit.Hectare } }, null)))
            .ReadProblemAsync((HttpStatusCode)428, "precondition.required");

        Assert.Equal($"\"{park.Version}\"", problem.GetProperty("currentETag").GetString());
        Assert.Equal(park, await ReadParkAsync());
    }

    [Fact]
    public async Task Of_two_editors_holding_the_same_ETag_exactly_one_wins_and_the_other_gets_412()
    {
        var park = await ReadParkAsync();
        var etag = $"\"{park.Version}\"";

        var answers = await Task.WhenAll(
            Client.SendAsync(PutRequest(Park, park with { LandArea = new AreaDto { Value = 12, Unit = AreaUnit.Hectare } }, etag)),
            Client.SendAsync(PutRequest(Park, park with { LandArea = new AreaDto { Value = 13, Unit = AreaUnit.Hectare } }, etag)));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], answers.Select(a => a.StatusCode).Order());
        var winner = await answers.Single(a => a.IsSuccessStatusCode).ReadAsync<ParkDto>();
        var loser = await answers.Single(a => !a.IsSuccessStatusCode).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        Assert.Equal($"\"{winner.Version}\"", loser.GetProperty("currentETag").GetString());
        Assert.Equal(park.Version + 1, winner.Version);
        Assert.Equal(winner, await ReadParkAsync());
    }

    [Fact]
    public async Task A_delete_with_a_stale_ETag_is_412_and_the_park_stays()
    {
        var park = await ReadParkAsync();
        Assert.Equal(HttpStatusCode.OK, (await PutCurrentAsync(Park, park with { LandArea = new AreaDto { Value = 14, Unit = AreaUnit.Hectare } })).StatusCode);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, Park);
        delete.Headers.TryAddWithoutValidation("If-Match", $"\"{park.Version}\"");
        await (await Client.SendAsync(delete)).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");

        Assert.Equal(new AreaDto { Value = 14, Unit = AreaUnit.Hectare }, (await ReadParkAsync()).LandArea);
    }

    [Fact]
    public async Task Correcting_an_existing_figure_needs_If_Match_but_a_first_figure_does_not()
    {
        const string url = "/api/v1/observations";
        var first = Put("enterprise-rnd-institutions", "haidong", "2023", 5);

        var created = await (await Client.SendAsync(PutRequest(url, first, null))).ReadAsync<Gaoxin.Contracts.Observations.ObservationDto>(HttpStatusCode.Created);
        var before = await CountAsync("observation_revisions");

        await (await Client.SendAsync(PutRequest(url, first with { Value = 6 }, null))).ReadProblemAsync((HttpStatusCode)428, "precondition.required");
        await (await Client.SendAsync(PutRequest(url, first with { Value = 6 }, "\"99\""))).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
        Assert.Equal(before, await CountAsync("observation_revisions"));

        var corrected = await (await Client.SendAsync(PutRequest(url, first with { Value = 6, Note = "Corrected after review" }, $"\"{created.Version}\"")))
            .ReadAsync<Gaoxin.Contracts.Observations.ObservationDto>();
        Assert.Equal(6, corrected.Value);
        Assert.Equal(created.Version + 1, corrected.Version);
    }

    [Fact]
    public async Task If_None_Match_star_creates_a_figure_only_when_there_is_none()
    {
        const string url = "/api/v1/observations";
        var figure = Put("enterprise-rnd-institutions", "haidong", "2023", 5);

        using var create = PutRequest(url, figure, null);
        create.Headers.TryAddWithoutValidation("If-None-Match", "*");
        Assert.Equal(HttpStatusCode.Created, (await Client.SendAsync(create)).StatusCode);

        using var again = PutRequest(url, figure with { Value = 7 }, null);
        again.Headers.TryAddWithoutValidation("If-None-Match", "*");
        await (await Client.SendAsync(again)).ReadProblemAsync(HttpStatusCode.PreconditionFailed, "precondition.failed");
    }
}
