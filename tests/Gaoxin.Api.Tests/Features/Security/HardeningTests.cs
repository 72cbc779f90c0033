using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gaoxin.Api.Tests.Features.Security;

public sealed class HardeningTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_server_banner()
    {
        var response = await Client.GetAsync("/api/v1/parks/haidong");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task The_apps_dev_origin_may_call_the_api_from_a_browser_and_others_may_not()
    {
        async Task<HttpResponseMessage> Preflight(string origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/observations");
            request.Headers.Add("Origin", origin);
            request.Headers.Add("Access-Control-Request-Method", "PUT");
            request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            return await Client.SendAsync(request);
        }
        Assert.Equal("http://localhost:5173", (await Preflight("http://localhost:5173")).Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False((await Preflight("https://evil.example")).Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var huge = "{\"code\": \"" + new string('x', 3 * 1024 * 1024) + "\"}";
        await (await Client.PostRawAsync("/api/v1/parks", huge)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.body-too-large");
    }
}

/// <summary>Rate limits, on an API of their own with a tiny allowance, so the other tests are not throttled.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new LimitedFactory();

    private sealed class LimitedFactory : WebApplicationFactory<Program>
    {
        // The windows are whole minutes: a stopped clock keeps a test inside one, however slow the machine.
        private readonly TestClock _clock = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            _clock.Set(TestClock.RealToday);
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock));
            builder.UseEnvironment("Testing").ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["GAOXIN_DB"] = ApiFactory.ConnectionString,
                ["Auth:KeyPepper"] = "pepper-for-the-tests-only",
                ["RateLimits:AnonymousPermitsPerMinute"] = "3",
                ["RateLimits:PermitsPerMinute"] = "2",
                ["Spa:Root"] = "/nonexistent",
                ["Webhooks:Deliver"] = "false", // it shares the suite's database, which other tests truncate
            }));
        }
    }

    [Fact]
    public async Task Past_the_allowance_a_client_gets_429_with_retry_after_and_rate_limit_headers()
    {
        using var client = _factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/parks/tree")).StatusCode);
        }
        var response = await client.GetAsync("/api/v1/parks/tree");
        await response.ReadProblemAsync(HttpStatusCode.TooManyRequests, "request.rate-limited");
        Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single()) > 0);
        Assert.Equal("3", response.Headers.GetValues("RateLimit-Limit").Single());

        // A load balancer probing from the same address still sees a healthy process: probes are never limited.
        var probe = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.False(probe.Headers.Contains("RateLimit-Remaining"));
    }

    [Fact]
    public async Task Every_answer_says_where_the_client_stands_and_bogus_keys_are_limited_before_any_lookup()
    {
        using var client = _factory.CreateClient();
        var ok = await client.GetAsync("/api/v1/parks/tree");
        Assert.Equal(("3", "2"), (ok.Headers.GetValues("RateLimit-Limit").Single(), ok.Headers.GetValues("RateLimit-Remaining").Single()));
        var reset = int.Parse(ok.Headers.GetValues("RateLimit-Reset").Single());
        Assert.InRange(reset, 1, 60);
        var missing = await client.GetAsync("/api/v1/parks/atlantis");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("1", missing.Headers.GetValues("RateLimit-Remaining").Single());

        // A bogus key has its own allowance (2 here), and past it the limiter answers before the key is looked up.
        using var bogus = _factory.CreateClient();
        bogus.DefaultRequestHeaders.Add("X-Api-Key", "gx_bogusbog_kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/parks/tree")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/parks/tree")).StatusCode);
        await (await bogus.GetAsync("/api/v1/parks/tree")).ReadProblemAsync(HttpStatusCode.TooManyRequests, "request.rate-limited");
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Anonymous_clients_are_counted_by_address_and_ipv6_by_its_64(string address, string bucket) =>
        Assert.Equal(bucket, Gaoxin.Api.Infrastructure.Security.RateLimiting.AddressBucket(System.Net.IPAddress.Parse(address)));

    public void Dispose() => _factory.Dispose();
}
