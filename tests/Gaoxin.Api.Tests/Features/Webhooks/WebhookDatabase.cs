using Dapper;
using Gaoxin.Contracts.Webhooks;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Webhooks;

/// <summary>
/// A database of their own for the delivery tests, so that they can run API processes that deliver (and restart and
/// run two of them) beside the suite's shared API, which truncates its database before every test. The first process
/// is kept for the whole class; tests start more on the same database when they need them.
/// </summary>
public sealed class WebhookDatabase : IAsyncLifetime
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(ApiFactory.ConnectionString)
    {
        Database = new NpgsqlConnectionStringBuilder(ApiFactory.ConnectionString).Database + "_webhooks",
    }.ConnectionString;

    /// <summary>Short delays, so that retries and disabling happen within a test; a receiver on loopback is allowed.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Settings = new Dictionary<string, string?>
    {
        ["Webhooks:Deliver"] = "true",
        ["Webhooks:AllowedNetworks:0"] = "127.0.0.1/32",
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:FirstRetryDelay"] = "00:00:00.200",
        ["Webhooks:MaxRetryDelay"] = "00:00:00.500",
        ["Webhooks:RetryPeriod"] = "00:00:05",
        ["Webhooks:Timeout"] = "00:00:05",
        ["Webhooks:Workers"] = "2",
        ["Webhooks:MaxEventsPerMessage"] = "50",
    };

    /// <summary>The class's API for subscribing and writing; it delivers nothing itself, so each test decides which processes deliver.</summary>
    public ApiFactory Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        await using (var connection = new NpgsqlConnection(ApiFactory.ConnectionString))
        {
            await connection.ExecuteAsync($"drop database if exists \"{name}\" with (force)");
            await connection.ExecuteAsync($"create database \"{name}\"");
        }
        Api = ApiFactory.On(ConnectionString, new Dictionary<string, string?>(Settings) { ["Webhooks:Deliver"] = "false" });
        await Api.ResetDatabaseAsync();
    }

    /// <summary>An API process that delivers, on this database (the caller disposes it).</summary>
    public ApiFactory StartApi()
    {
        var api = ApiFactory.On(ConnectionString, Settings);
        _ = api.Services; // start it: it migrates, and its dispatcher runs
        return api;
    }

    public async Task DisposeAsync() => await Api.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookDatabase>
{
    public const string Name = "webhooks";
}

/// <summary>Subscribing and reading back, as a municipal system's integration would.</summary>
public static class WebhookRequests
{
    public static async Task<CreatedWebhookDto> SubscribeAsync(this HttpClient client, string url, string[] types, string? park = null)
    {
        var response = await client.PostJsonAsync("/api/v1/webhooks", new CreateWebhookRequest { Url = url, EventTypes = types, ParkCode = park });
        return await response.ReadAsync<CreatedWebhookDto>(System.Net.HttpStatusCode.Created);
    }

    public static readonly string[] ObservationEvents = ["observation.created", "observation.updated", "observation.deleted"];
}
