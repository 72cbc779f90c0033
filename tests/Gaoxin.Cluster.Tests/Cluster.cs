using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace Gaoxin.Cluster.Tests;

/// <summary>
/// The cluster `scripts/cluster.sh up` started (`make test-cluster` does): its one address through HAProxy, its two
/// PostgreSQL servers, and the script's verbs that stop and start its parts. Without a running cluster every drill
/// fails at once, saying how to start one.
/// </summary>
public sealed class Cluster : IDisposable
{
    public static readonly string Root = FindRoot();
    private static readonly int BasePort = int.TryParse(Environment.GetEnvironmentVariable("GAOXIN_CLUSTER_PORT"), out var port) ? port : 25600;

    public Cluster()
    {
        var keyFile = Path.Combine(Root, ".data", "cluster-state", "admin-key");
        if (!File.Exists(keyFile))
        {
            throw new InvalidOperationException("No cluster is running: start one with `scripts/cluster.sh up` (make test-cluster does).");
        }
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{BasePort}"), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new("Bearer", File.ReadAllText(keyFile).Trim());
    }

    /// <summary>A client of the one address, with the cluster's admin key.</summary>
    public HttpClient Http { get; }

    public static string PrimaryDb => $"Host=127.0.0.1;Port={BasePort + 1};Username=gaoxin;Database=gaoxin;Pooling=false;Timeout=3";

    public static string StandbyDb => $"Host=127.0.0.1;Port={BasePort + 2};Username=gaoxin;Database=gaoxin;Pooling=false;Timeout=3";

    /// <summary>Runs a verb of scripts/cluster.sh and fails the test when it fails.</summary>
    public static void Run(params string[] verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "scripts", "cluster.sh"), .. verb]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"cluster.sh {string.Join(' ', verb)} failed: {errors.Result}");
    }

    /// <summary>The API processes' ids, as the script started them.</summary>
    public static IReadOnlyList<string> ApiProcessIds() =>
        [.. Enumerable.Range(1, 3).Select(n => File.ReadAllText(Path.Combine(Root, ".data", "cluster-state", $"api-{n}.pid")).Trim())];

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Transactions the standby has committed in the zone's database: reads served there move it.</summary>
    public static async Task<long> StandbyTransactionsAsync()
    {
        await using var connection = new NpgsqlConnection(StandbyDb);
        await connection.OpenAsync();
        // Statistics reach the shared view when a backend goes idle; a new connection reads them afresh.
        await using var command = new NpgsqlCommand("select xact_commit from pg_stat_database where datname = 'gaoxin'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Writes one figure (a made-up value for a period no real figure has) and returns the answer's token. Like a
    /// careful client, it reads the figure's version with its last token first, so the If-Match is never stale.
    /// </summary>
    public async Task<string> WriteAsync(string period, decimal value)
    {
        var body = new JsonObject
        {
            ["indicatorCode"] = "incubating-enterprises", ["parkCode"] = "haidong", ["period"] = period, ["value"] = value,
            ["asOf"] = "2030-12-31", ["note"] = "集群演练 · cluster drill",
        };
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/observations") { Content = JsonContent.Create(body) };
        if ((await FigureAsync(period, _lastToken))?["version"] is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }
        var response = await Http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        _lastToken = response.Headers.GetValues("Gaoxin-Consistency").Single();
        return _lastToken;
    }

    private string? _lastToken;

    /// <summary>The figure's value as a read through the one address sees it, with the token or without.</summary>
    public async Task<decimal?> ReadAsync(string period, string? token = null) =>
        (await FigureAsync(period, token))?["value"]?.GetValue<decimal>();

    private async Task<JsonNode?> FigureAsync(string period, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/observations?indicator=incubating-enterprises&park=haidong&from={period}&to={period}");
        if (token is not null)
        {
            request.Headers.Add("Gaoxin-Consistency", token);
        }
        var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        return items.Count == 0 ? null : items[0];
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gaoxin.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Gaoxin.sln not found above the test's folder.");
    }

    public void Dispose() => Http.Dispose();
}
