using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Gaoxin.Api.Tests.Features.Health;

public sealed class HealthTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Live_and_ready_when_the_database_is_there()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/health/live")).StatusCode);
        Assert.Contains("ready", await (await Client.GetAsync("/health/ready")).Content.ReadAsStringAsync());
    }
}

/// <summary>The API pointed at a port where no PostgreSQL listens: what a stopped database looks like from outside.</summary>
public sealed class DatabaseDownTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new DatabaseDownFactory();

    private sealed class DatabaseDownFactory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GAOXIN_DB"] = "Host=127.0.0.1;Port=1;Username=gaoxin;Database=nowhere",
                ["Database:MigrateOnStartup"] = "false",
                ["Auth:KeyPepper"] = "pepper-for-the-tests-only",
                ["Spa:Root"] = "/nonexistent",
                ["Webhooks:Deliver"] = "false",
            }));
    }

    [Fact]
    public async Task Requests_that_need_it_answer_503_problems_within_seconds_and_live_stays_up()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        var clock = Stopwatch.StartNew();
        await (await client.GetAsync("/health/ready")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "server.database-unavailable");
        await (await client.GetAsync("/api/v1/parks/tree")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "server.database-unavailable");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
    }

    public void Dispose() => _factory.Dispose();
}

/// <summary>The API on the real database through <see cref="DatabaseRelay"/>: the database goes away and comes back.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private DatabaseRelay _relay = null!;
    private WebApplicationFactory<Program> _factory = null!;

    private sealed class RelayedFactory(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GAOXIN_DB"] = connectionString,
                // The API migrates on start, as in production: this class may run first on a new database.
                ["Auth:KeyPepper"] = "pepper-for-the-tests-only",
                ["Spa:Root"] = "/nonexistent",
                ["Webhooks:Deliver"] = "false", // it shares the suite's database, which other tests truncate
            }));
    }

    public Task InitializeAsync()
    {
        var direct = new Npgsql.NpgsqlConnectionStringBuilder(ApiFactory.ConnectionString);
        _relay = new DatabaseRelay(direct.Host!, direct.Port);
        var relayed = new Npgsql.NpgsqlConnectionStringBuilder(ApiFactory.ConnectionString) { Host = "127.0.0.1", Port = _relay.Port };
        _factory = new RelayedFactory(relayed.ConnectionString);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task When_the_database_goes_away_requests_answer_503_and_when_it_is_back_the_API_recovers_by_itself()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/parks/tree")).StatusCode);

        _relay.Cut();
        var clock = Stopwatch.StartNew();
        await (await client.GetAsync("/health/ready")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "server.database-unavailable");
        await (await client.GetAsync("/api/v1/parks/tree")).ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "server.database-unavailable");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        _relay.Restore();
        // No restart, no intervention: the first requests after the database is back may still meet a pooled
        // connection that died with the relay; within a few seconds every answer is 200 again.
        var recovered = Stopwatch.StartNew();
        var answers = (Ready: HttpStatusCode.ServiceUnavailable, Tree: HttpStatusCode.ServiceUnavailable);
        while (recovered.Elapsed < TimeSpan.FromSeconds(30))
        {
            answers = ((await client.GetAsync("/health/ready")).StatusCode, (await client.GetAsync("/api/v1/parks/tree")).StatusCode);
            if (answers == (HttpStatusCode.OK, HttpStatusCode.OK))
            {
                break;
            }
            await Task.Delay(250);
        }
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), answers);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _relay.DisposeAsync();
    }
}

