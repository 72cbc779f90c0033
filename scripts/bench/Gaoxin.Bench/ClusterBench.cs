using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Gaoxin.Bench;

/// <summary>
/// The cluster case: `scripts/cluster.sh up` (HAProxy, three API processes, a primary and its streaming standby, on this
/// one machine), then the same reads through HAProxy to one process and to three, alternated in the same minutes, and
/// the cost of synchronous replication on a write. The cluster holds the zone's seed, not the grown data set: this case
/// measures how the processes share the machine, not the queries.
/// </summary>
public static class ClusterBench
{
    private const int Base = 25600;

    public sealed record Result(LoadResult One, LoadResult Three, LoadResult DashboardOne, LoadResult DashboardThree,
        double WriteAsyncMs, double WriteSyncMs, double ReplayLagMs);

    public static async Task<Result> RunAsync(string root, string apiDll, TimeSpan warmUp, TimeSpan run, int runs, Action<string> log)
    {
        log("cluster: starting (primary, standby, 3 API processes, HAProxy)");
        await ScriptAsync(root, "up", apiDll, Path.Combine(root, "client", "dist"));
        try
        {
            var key = (await File.ReadAllTextAsync(Path.Combine(root, ".data", "cluster-state", "admin-key"))).Trim();
            string Three(string path) => $"http://127.0.0.1:{Base}{path}";
            string One(string path) => $"http://127.0.0.1:{Base + 9}{path}";

            async Task<(LoadResult One, LoadResult Three)> Alternate(string path, int connections)
            {
                log($"cluster: {path}, HAProxy to 1 process and to 3, in turns");
                await Load.RunAsync(One(path), connections, warmUp, bearer: key);
                await Load.RunAsync(Three(path), connections, warmUp, bearer: key);
                var ones = new List<LoadResult>();
                var threes = new List<LoadResult>();
                for (var i = 0; i < runs; i++)
                {
                    ones.Add(await Load.RunAsync(One(path), connections, run, bearer: key));
                    threes.Add(await Load.RunAsync(Three(path), connections, run, bearer: key));
                }
                return (Load.Median(ones), Load.Median(threes));
            }

            var (one, three) = await Alternate("/api/v1/parks/haidong", 32);
            var (dashboardOne, dashboardThree) = await Alternate("/api/v1/parks/zhanjiang-hitech-zone/indicators?includeDescendants=true", 8);

            using var http = new HttpClient { BaseAddress = new Uri(Three("")) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            log("cluster: writes, asynchronous then synchronous replication");
            var asyncMs = await WritesAsync(http, 2050);
            var lag = await ReplayLagMsAsync();
            await ScriptAsync(root, "sync", "on");
            var syncMs = await WritesAsync(http, 2060);
            return new Result(one, three, dashboardOne, dashboardThree, asyncMs, syncMs, lag);
        }
        finally
        {
            await ScriptAsync(root, "down");
        }
    }

    /// <summary>The median time of 100 new figures written one after another, in milliseconds.</summary>
    private static async Task<double> WritesAsync(HttpClient http, int year)
    {
        var times = new List<double>();
        for (var i = 0; i < 100; i++)
        {
            var body = $$"""{"indicatorCode":"incubating-enterprises","parkCode":"haidong","period":"{{year + i / 12}}-{{i % 12 + 1:D2}}","value":{{i}},"asOf":"2030-12-31"}""";
            var clock = Stopwatch.StartNew();
            using var response = await http.PutAsync("/api/v1/observations", new StringContent(body, Encoding.UTF8, "application/json"));
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"cluster write failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.Order().ElementAt(times.Count / 2);
    }

    /// <summary>The standby's replay lag as the primary last saw it (PostgreSQL measures it per acknowledged position).</summary>
    private static async Task<double> ReplayLagMsAsync()
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={Base + 1};Username=gaoxin;Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(extract(epoch from replay_lag) * 1000, 0)::float8 from pg_stat_replication", connection);
        return Convert.ToDouble(await command.ExecuteScalarAsync() ?? 0.0, CultureInfo.InvariantCulture);
    }

    private static async Task ScriptAsync(string root, params string[] verb)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "cluster.sh"), .. verb]) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["GAOXIN_CLUSTER_PERMITS"] = "100000000"; // one client at full speed, not a budget to test
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"cluster.sh {string.Join(' ', verb)} failed: {await errors}");
        }
    }
}
