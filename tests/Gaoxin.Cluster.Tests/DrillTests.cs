using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace Gaoxin.Cluster.Tests;

/// <summary>
/// What the cluster promises, checked on the real parts: HAProxy, three API processes, a PostgreSQL primary and its
/// streaming standby. Each drill puts back what it stopped, so they run one after another on one cluster; the
/// failover, which cannot be put back, runs last on its own (<see cref="FailoverDrill"/>).
/// </summary>
public sealed class DrillTests(ITestOutputHelper output) : IClassFixture<ClusterFixture>
{
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Reads_are_served_by_the_standby_and_writes_by_the_primary()
    {
        var before = await Cluster.StandbyTransactionsAsync();
        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await _cluster.Http.GetAsync("/api/v1/parks/haidong")).StatusCode);
        }
        await Eventually(async () => await Cluster.StandbyTransactionsAsync() - before >= 30, "30 reads show on the standby");

        await _cluster.WriteAsync("2031", 1);
        Assert.Equal(1m, await Cluster.ScalarAsync<decimal>(Cluster.PrimaryDb, """
            select value from observations o join parks p on p.id = o.park_id where p.code = 'haidong' and o.period = '2031'
            """));
    }

    [Fact]
    public async Task A_read_with_the_token_of_a_write_sees_it_even_while_the_standby_is_behind()
    {
        await _cluster.WriteAsync("2032", 1);
        await Eventually(async () => await _cluster.ReadAsync("2032") == 1m, "the standby replays the first write");

        // Replay paused: the standby keeps receiving the primary's changes but does not apply them.
        await Cluster.ScalarAsync<object>(Cluster.StandbyDb, "select pg_wal_replay_pause()::text");
        try
        {
            var token = await _cluster.WriteAsync("2032", 2);
            Assert.Equal(2m, await _cluster.ReadAsync("2032", token)); // the primary answers: the standby is behind the token
            Assert.Equal(1m, await _cluster.ReadAsync("2032"));        // without it, the standby's older state is what a read sees
        }
        finally
        {
            await Cluster.ScalarAsync<object>(Cluster.StandbyDb, "select pg_wal_replay_resume()::text");
        }
    }

    [Fact]
    public async Task A_client_that_writes_then_reads_with_the_token_never_sees_an_older_value()
    {
        var stale = 0;
        for (var i = 1; i <= 150; i++)
        {
            var token = await _cluster.WriteAsync("2033", i);
            Assert.Equal(i, await _cluster.ReadAsync("2033", token));
            // The same read without the token, for the record: how often a standby is still behind right after a write.
            if (await _cluster.ReadAsync("2033") != i)
            {
                stale++;
            }
        }
        output.WriteLine($"read-your-writes: 150 of 150 with the token; without it {stale} of 150 reads right after the write saw an older value");
    }

    [Fact]
    public async Task One_budget_per_key_across_the_three_processes()
    {
        // A key the API does not know still has a budget (the limiter runs before keys are looked up): its own, new one.
        using var client = new HttpClient { BaseAddress = _cluster.Http.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", $"gx_{Guid.NewGuid():N}"[..11] + "_" + new string('k', 32));
        var first = await client.GetAsync("/api/v1/parks/haidong");
        if (int.Parse(first.Headers.GetValues("RateLimit-Reset").Single()) < 15)
        {
            await Task.Delay(TimeSpan.FromSeconds(16)); // start inside one minute's window
            first = await client.GetAsync("/api/v1/parks/haidong");
        }
        var limit = int.Parse(first.Headers.GetValues("RateLimit-Limit").Single());
        var remaining = new List<int> { int.Parse(first.Headers.GetValues("RateLimit-Remaining").Single()) };
        for (var i = 1; i < 12; i++)
        {
            await Task.Delay(300); // longer than the processes' sharing interval (100 ms)
            var answer = await client.GetAsync("/api/v1/parks/haidong");
            remaining.Add(int.Parse(answer.Headers.GetValues("RateLimit-Remaining").Single()));
        }
        // Round-robin spreads the 12 requests over the three processes; each one's count includes the other two's.
        Assert.Equal(Enumerable.Range(1, 12).Select(used => limit - used), remaining);
    }

    [Fact]
    public async Task An_api_process_killed_under_load_costs_no_read_an_error()
    {
        var (answers, errors) = await UnderLoadAsync(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1), () => Cluster.Run("api-kill", "2"));
        try
        {
            output.WriteLine($"api process killed: {answers} reads, {errors.Count} errors");
            Assert.Empty(errors);
            Assert.True(answers > 100, $"only {answers} reads in 6 s");
        }
        finally
        {
            Cluster.Run("api-start", "2");
        }
    }

    [Fact]
    public async Task With_the_standby_stopped_reads_go_to_the_primary_and_come_back_after()
    {
        var (answers, errors) = await UnderLoadAsync(TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1), () => Cluster.Run("standby-stop"));
        try
        {
            output.WriteLine($"standby stopped: {answers} reads, {errors.Count} errors");
            Assert.Empty(errors);
        }
        finally
        {
            Cluster.Run("standby-start");
        }
        // Back: once Npgsql sees the standby again (it rechecks every 2 s), reads return to it.
        await Eventually(async () =>
        {
            var before = await Cluster.StandbyTransactionsAsync();
            for (var i = 0; i < 10; i++)
            {
                await _cluster.Http.GetAsync("/api/v1/parks/haidong");
            }
            await Task.Delay(1200);
            return await Cluster.StandbyTransactionsAsync() - before >= 10;
        }, "reads return to the restarted standby", TimeSpan.FromSeconds(30));
    }

    /// <summary>Four clients reading through the one address for a while; the fault happens part-way.</summary>
    private async Task<(int Answers, List<string> Errors)> UnderLoadAsync(TimeSpan duration, TimeSpan faultAfter, Action fault)
    {
        var errors = new List<string>();
        var answers = 0;
        var stopwatch = Stopwatch.StartNew();
        var readers = Enumerable.Range(0, 4).Select(reader => Task.Run(async () =>
        {
            string[] urls = ["/api/v1/parks/haidong", "/api/v1/parks/tree", "/api/v1/indicators?limit=5", "/api/v1/parks/haidong/indicators"];
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                try
                {
                    var response = await _cluster.Http.GetAsync(urls[(i + reader) % urls.Length]);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var said = await response.Content.ReadAsStringAsync();
                        lock (errors) { errors.Add($"{stopwatch.Elapsed.TotalSeconds:F1}s {urls[(i + reader) % urls.Length]}: {(int)response.StatusCode} {said}"); }
                    }
                    Interlocked.Increment(ref answers);
                }
                catch (HttpRequestException e)
                {
                    lock (errors) { errors.Add($"{stopwatch.Elapsed.TotalSeconds:F1}s: {e.Message}"); }
                }
            }
        })).ToList();
        await Task.Delay(faultAfter);
        await Task.Run(fault);
        await Task.WhenAll(readers);
        return (answers, errors);
    }

    internal static async Task Eventually(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {(within ?? TimeSpan.FromSeconds(10)).TotalSeconds} s: {what}");
            await Task.Delay(200);
        }
    }
}

/// <summary>Fails every drill at once, with how to start one, when no cluster runs.</summary>
public sealed class ClusterFixture
{
    public ClusterFixture() => Cluster.Run("status");
}
