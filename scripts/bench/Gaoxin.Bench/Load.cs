using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Gaoxin.Bench;

public sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, long Errors);

/// <summary>Drives wrk, a real HTTP load generator, on loopback; every run is bounded in connections and time.</summary>
public static partial class Load
{
    public static async Task<LoadResult> RunAsync(string url, int connections, TimeSpan duration, string? postJson = null, string? bearer = null)
    {
        var script = postJson is null && bearer is null ? null : Path.Combine(Path.GetTempPath(), $"gaoxin-bench-{Guid.NewGuid():N}.lua");
        if (script is not null)
        {
            var lua = new System.Text.StringBuilder();
            if (postJson is not null)
            {
                var body = postJson.Replace("\\", "\\\\").Replace("\"", "\\\"");
                lua.Append($"wrk.method = \"POST\"\nwrk.body = \"{body}\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
            }
            if (bearer is not null)
            {
                lua.Append($"wrk.headers[\"Authorization\"] = \"Bearer {bearer}\"\n");
            }
            await File.WriteAllTextAsync(script, lua.ToString());
        }
        try
        {
            var arguments = $"-t{Math.Min(2, connections)} -c{connections} -d{(int)duration.TotalSeconds}s --latency --timeout 5s {(script is null ? "" : $"-s {script} ")}{url}";
            var output = await Processes.RunAsync("wrk", arguments);
            return new LoadResult(
                Number(RequestsPerSecond().Match(output)),
                Milliseconds(Percentile().Matches(output).First(m => m.Groups[1].Value == "50")),
                Milliseconds(Percentile().Matches(output).First(m => m.Groups[1].Value == "99")),
                (long)(ErrorsLine().Match(output) is { Success: true } errors ? Number(errors) : 0) + (long)(Non2xx().Match(output) is { Success: true } non2xx ? Number(non2xx) : 0));
        }
        finally
        {
            if (script is not null)
            {
                File.Delete(script);
            }
        }
    }

    /// <summary>A warm-up, then several runs; the median of each figure.</summary>
    public static async Task<LoadResult> MedianAsync(string url, int connections, TimeSpan warmUp, TimeSpan run, int runs, string? postJson = null, string? bearer = null)
    {
        await RunAsync(url, connections, warmUp, postJson, bearer);
        var results = new List<LoadResult>();
        for (var i = 0; i < runs; i++)
        {
            results.Add(await RunAsync(url, connections, run, postJson, bearer));
        }
        return Median(results);
    }

    /// <summary>The median of each figure over several runs; errors add up.</summary>
    public static LoadResult Median(IReadOnlyList<LoadResult> results)
    {
        double Of(Func<LoadResult, double> pick) => results.Select(pick).Order().ElementAt(results.Count / 2);
        return new LoadResult(Of(r => r.RequestsPerSecond), Of(r => r.P50Ms), Of(r => r.P99Ms), results.Sum(r => r.Errors));
    }

    private static double Number(Match match) => double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

    private static double Milliseconds(Match match)
    {
        var value = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return match.Groups[3].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors:.*?timeout (\d+)")]
    private static partial Regex ErrorsLine();
}

public static class Processes
{
    public static async Task<string> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arguments} failed: {error}{output}");
    }
}

/// <summary>Samples a process's resident memory from /proc while something runs, and keeps the peak.</summary>
public sealed class MemorySampler(int pid) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public long PeakBytes { get; private set; }

    public MemorySampler Start()
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                PeakBytes = Math.Max(PeakBytes, ResidentBytes(pid));
                try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
        return this;
    }

    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }
}
