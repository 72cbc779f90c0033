using Dapper;
using Gaoxin.Api.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests;

/// <summary>
/// The whole API in-process, on the real PostgreSQL database that `make test` starts (GAOXIN_TEST_DB, by default
/// the project cluster's gaoxin_test). The API migrates it on start-up, exactly as in production.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("GAOXIN_TEST_DB") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=55432;Username=gaoxin;Database=gaoxin_test";

    private readonly string _connectionString;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>The suite's shared API, on the test database; it delivers no webhooks (WebhookDeliveryTests start their own).</summary>
    public ApiFactory() : this(ConnectionString, new Dictionary<string, string?> { ["Webhooks:Deliver"] = "false" })
    {
    }

    /// <summary>Another API process, on the given database, with settings of its own on top of the suite's.</summary>
    public static ApiFactory On(string connectionString, IReadOnlyDictionary<string, string?> settings) => new(connectionString, settings);

    private ApiFactory(string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        _connectionString = connectionString;
        _settings = settings;
    }

    /// <summary>The API's clock: real time unless a test sets it, reset before every test.</summary>
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["GAOXIN_DB"] = _connectionString,
            ["Spa:Root"] = "/nonexistent", // the API alone; the SPA has its own tests
            ["Auth:KeyPepper"] = "pepper-for-the-tests-only",
            ["RateLimits:PermitsPerMinute"] = "0", // off: the suite is one busy client; RateLimitTests has its own API
            ["RateLimits:AnonymousPermitsPerMinute"] = "0",
            // Small limits, so the tests can cross them cheaply.
            ["Imports:MaxBodyBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Imports:MaxRows"] = "5000",
            ["Imports:MaxRecordBytes"] = "65536",
        }).AddInMemoryCollection(_settings));
    }

    /// <summary>
    /// Empties every table and loads the seed again, so each test starts from the zone's real data and nothing else.
    /// </summary>
    public async Task ResetDatabaseAsync()
    {
        Clock.Reset();
        _ = Services; // starts the host, which applies the migrations
        var dataSource = Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>("""
            select quote_ident(tablename) from pg_tables
            where schemaname = 'public' and tablename not in ('schema_journal', 'rate_limit_windows') -- windows are counts, not data: RateLimitTests share them
            """)).ToList();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync($"truncate {string.Join(", ", tables)} restart identity cascade", transaction: transaction);
        await connection.ExecuteAsync("select set_config('gaoxin.actor', 'seed', true)", transaction: transaction);
        foreach (var seed in Migrator.Seeds)
        {
            await connection.ExecuteAsync(seed.Sql, transaction: transaction);
        }
        await connection.ExecuteAsync("select stamp_changes()", transaction: transaction);
        await transaction.CommitAsync();
        await AddKeyAsync(connection, "test-admin", AdminKey, ["admin"], park: null, displayName: TestAdminDisplayName);
    }

    /// <summary>What the public sees as the author of the test admin's writes (its key's display name).</summary>
    public const string TestAdminDisplayName = "测试管理员";

    /// <summary>The key every test client sends unless a test says otherwise: it may do anything.</summary>
    public const string AdminKey = "gx_testadmn_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    /// <summary>Stores a key with a known value (keys made through the API are random), for tests of scopes.</summary>
    public async Task AddKeyAsync(string name, string key, string[] scopes, string? park, string? displayName = null)
    {
        var dataSource = Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await AddKeyAsync(connection, name, key, scopes, park, displayName);
    }

    private async Task AddKeyAsync(NpgsqlConnection connection, string name, string key, string[] scopes, string? park, string? displayName)
    {
        var format = Services.GetRequiredService<Gaoxin.Api.Infrastructure.Security.ApiKeyFormat>();
        await connection.ExecuteAsync("""
            insert into api_keys (name, prefix, hash, scopes, park_id, display_name, created_at)
            values (@name, @prefix, @hash, @scopes, (select id from parks where code = @park), @displayName, now())
            """, new { name, prefix = Gaoxin.Api.Infrastructure.Security.ApiKeyFormat.PrefixOf(key), hash = format.Hash(key), scopes, park, displayName });
    }

    /// <summary>A client that sends the given key (or none).</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }
        return client;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

/// <summary>Base of every API test: the shared API, its database reset before each test.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory factory) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = factory;

    protected HttpClient Client { get; } = factory.ClientWithKey(ApiFactory.AdminKey);

    public Task InitializeAsync() => Factory.ResetDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The ETag of a single resource, as a client that has just read it holds it; null when it does not exist.</summary>
    protected async Task<string?> ETagAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return response.IsSuccessStatusCode ? response.Headers.ETag?.Tag : null;
    }

    /// <summary>Replaces a resource the way an editor does: read its ETag, then send the change with If-Match.</summary>
    protected async Task<HttpResponseMessage> PutCurrentAsync(string url, object body) =>
        await SendWithIfMatchAsync(HttpMethod.Put, url, body, await ETagAsync(url));

    /// <summary>Deletes a resource the way an editor does: read its ETag, then delete with If-Match.</summary>
    protected async Task<HttpResponseMessage> DeleteCurrentAsync(string url) =>
        await SendWithIfMatchAsync(HttpMethod.Delete, url, null, await ETagAsync(url));

    /// <summary>Writes an observation, with If-Match when the figure already exists (a correction says what it corrects).</summary>
    protected async Task<HttpResponseMessage> PutObservationAsync(Gaoxin.Contracts.Observations.PutObservationRequest body) =>
        await SendWithIfMatchAsync(HttpMethod.Put, "/api/v1/observations", body,
            await ObservationETagAsync(body.IndicatorCode, body.ParkCode, body.Period));

    protected async Task<HttpResponseMessage> DeleteObservationAsync(string indicator, string park, string period, string? note = null) =>
        await SendWithIfMatchAsync(HttpMethod.Delete,
            $"/api/v1/observations?indicator={indicator}&park={park}&period={period}" + (note is null ? "" : "&note=" + Uri.EscapeDataString(note)),
            null, await ObservationETagAsync(indicator, park, period));

    private async Task<string?> ObservationETagAsync(string indicator, string park, string period)
    {
        var response = await Client.GetAsync($"/api/v1/observations?indicator={indicator}&park={park}&from={Uri.EscapeDataString(period)}&to={Uri.EscapeDataString(period)}");
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }
        var page = System.Text.Json.JsonSerializer.Deserialize<Gaoxin.Contracts.Observations.ObservationPage>(await response.Content.ReadAsStringAsync(), Http.Json)!;
        var figure = page.Items.FirstOrDefault(o => string.Equals(o.Period, period, StringComparison.OrdinalIgnoreCase));
        return figure is null ? null : $"\"{figure.Version}\"";
    }

    private async Task<HttpResponseMessage> SendWithIfMatchAsync(HttpMethod method, string url, object? body, string? etag)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: Http.Json);
        }
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }
        return await Client.SendAsync(request);
    }

    protected async Task<long> CountAsync(string table)
    {
        var dataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"select count(*) from {table}");
    }
}

/// <summary>A clock tests can stop at a chosen instant: "recorded on that day" and "today" depend on it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow() => _now ?? System.GetUtcNow();

    /// <summary>Today in the zone (UTC+8) by the real clock.</summary>
    public static DateOnly RealToday => DateOnly.FromDateTime(System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>Stops the clock at noon of a zone day (UTC+8).</summary>
    public DateTimeOffset Set(DateOnly day)
    {
        _now = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
        return _now.Value;
    }

    public void Reset() => _now = null;
}
