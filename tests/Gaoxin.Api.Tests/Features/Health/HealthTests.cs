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
