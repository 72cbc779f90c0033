using System.Net;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Tests.Features.Observations;

namespace Gaoxin.Api.Tests.Infrastructure;

/// <summary>
/// The consistency token on one process: every committed write's answer carries the log position after its commit,
/// and reads take it back. Which server then answers is the cluster's business (tests/Gaoxin.Cluster.Tests).
/// </summary>
public sealed class ConsistencyTokenTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task A_write_answers_with_a_token_that_grows_with_each_commit_and_reads_take_it_back()
    {
        var first = await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haidong", "2030", 11));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var second = await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haidong", "2030", 12) with { Note = "更正" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(Consistency.TryParse(first.Headers.GetValues(Consistency.Header).Single(), out var one));
        Assert.True(Consistency.TryParse(second.Headers.GetValues(Consistency.Header).Single(), out var two));
        Assert.True(two > one, "a later commit has a later log position");

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/observations?indicator=incubating-enterprises&park=haidong&from=2030&to=2030");
        read.Headers.Add(Consistency.Header, Consistency.Format(two));
        var answer = await Client.SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"value\":12", await answer.Content.ReadAsStringAsync());
        Assert.False(answer.Headers.Contains(Consistency.Header), "a read writes nothing, so it gives no token");
    }

    [Fact]
    public async Task A_refused_write_gives_no_token()
    {
        var refused = await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "atlantis", "2024", 1));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(refused.Headers.Contains(Consistency.Header));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("0/")]
    [InlineData("/16B3748")]
    [InlineData("123456789/0")]
    [InlineData("0x1/0")]
    [InlineData("-1/0")]
    public async Task A_malformed_token_is_refused_with_a_problem(string token)
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parks/haidong");
        read.Headers.TryAddWithoutValidation(Consistency.Header, token);
        await (await Client.SendAsync(read)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-consistency-token");
    }

    [Fact]
    public async Task An_empty_token_is_none_as_generated_clients_send_it()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parks/haidong");
        read.Headers.TryAddWithoutValidation(Consistency.Header, "");
        Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(read)).StatusCode);
    }

    [Theory]
    [InlineData("0/0", 0UL)]
    [InlineData("0/16B3748", 0x16B3748UL)]
    [InlineData("16/B374D848", 0x16_B374D848UL)]
    [InlineData("FFFFFFFF/FFFFFFFF", ulong.MaxValue)]
    public void Tokens_are_postgresql_log_positions_both_ways(string text, ulong position)
    {
        Assert.True(Consistency.TryParse(text, out var parsed));
        Assert.Equal(position, parsed);
        Assert.Equal(text, Consistency.Format(position));
    }
}
