using System.Net;
using System.Net.Http.Json;
using Gaoxin.Api.Tests.Features.Parks;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Idempotency;

/// <summary>
/// An unattended system whose create timed out cannot know whether it happened: it retries with the same
/// Idempotency-Key and must get the first answer, not a second park or a 409.
/// </summary>
public sealed class IdempotentCreateTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Parks = "/api/v1/parks";

    private async Task<HttpResponseMessage> CreateAsync(CreateParkRequest body, string? key, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Parks) { Content = JsonContent.Create(body, options: Http.Json) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await (client ?? Client).SendAsync(request);
    }

    [Fact]
    public async Task A_retry_with_the_same_key_replays_the_first_answer_and_creates_nothing_more()
    {
        var parks = await CountAsync("parks");

        var first = await CreateAsync(ParkRequests.MakerSpace(), "retry-1");
        var again = await CreateAsync(ParkRequests.MakerSpace(), "retry-1");

        var created = await first.ReadAsync<ParkDto>(HttpStatusCode.Created);
        Assert.Equal(created, await again.ReadAsync<ParkDto>(HttpStatusCode.Created));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Equal(parks + 1, await CountAsync("parks"));
    }

    [Fact]
    public async Task Without_a_key_a_second_create_is_the_usual_409()
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(ParkRequests.MakerSpace(), null)).StatusCode);
        await (await CreateAsync(ParkRequests.MakerSpace(), null)).ReadProblemAsync(HttpStatusCode.Conflict, "park.code-taken");
    }

    [Fact]
    public async Task The_same_key_for_another_request_is_422_and_creates_nothing()
    {
        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(ParkRequests.MakerSpace("first-space"), "reused")).StatusCode);
        var parks = await CountAsync("parks");

        var problem = await (await CreateAsync(ParkRequests.MakerSpace("second-space"), "reused")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");

        Assert.Equal("reused", problem.GetProperty("idempotencyKey").GetString());
        Assert.Equal(parks, await CountAsync("parks"));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Parks}/second-space")).StatusCode);
    }

    [Fact]
    public async Task A_create_that_failed_frees_its_key_so_the_corrected_request_can_use_it()
    {
        await (await CreateAsync(ParkRequests.MakerSpace(parent: "atlantis"), "fix-and-retry")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");

        var created = await (await CreateAsync(ParkRequests.MakerSpace(), "fix-and-retry")).ReadAsync<ParkDto>(HttpStatusCode.Created);

        Assert.Equal("haidong", created.ParentCode);
    }

    [Fact]
    public async Task Keys_belong_to_the_API_key_that_sent_them()
    {
        const string otherKey = "gx_otherwrt_" + "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        await Factory.AddKeyAsync("other-writer", otherKey, ["write"], park: null);
        using var other = Factory.ClientWithKey(otherKey);

        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(ParkRequests.MakerSpace("space-a"), "shared-name")).StatusCode);
        var second = await CreateAsync(ParkRequests.MakerSpace("space-b"), "shared-name", other);

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task Two_simultaneous_requests_with_one_key_create_one_park()
    {
        var parks = await CountAsync("parks");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateAsync(ParkRequests.MakerSpace(), "at-once")));

        // Each is the created park (first or replayed) or, while the first still runs, 409 idempotency.in-progress.
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created && !a.Headers.Contains("Idempotent-Replayed"));
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ReadProblemAsync(HttpStatusCode.Conflict, "idempotency.in-progress");
        }
        Assert.Equal(parks + 1, await CountAsync("parks"));
    }

    [Fact]
    public async Task A_key_over_255_characters_is_400()
    {
        await (await CreateAsync(ParkRequests.MakerSpace(), new string('k', 256))).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"{Parks}/test-maker-space")).StatusCode);
    }
}
