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
        double Of(Func<LoadResult, double> pick) => Median(results.Select(pick).ToList());
        return new LoadResult(Of(r => r.RequestsPerSecond), Of(r => r.P50Ms), Of(r => r.P99Ms), results.Sum(r => r.Errors));
    }

    /// <summary>The middle value (the upper one of an even count).</summary>
    public static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);

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

/// <summary>
/// Samples a process's resident memory from /proc while something runs, and keeps the peak with its parts: anonymous
/// memory (the GC heap, native allocations), file pages (the runtime's and the app's assemblies and libraries, shared
/// with every .NET process on the machine) and shared memory (the JIT's code, mapped twice for write-xor-execute).
/// </summary>
public sealed class MemorySampler(int pid) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public Resident Peak { get; private set; } = new(0, 0, 0, 0);

    public MemorySampler Start()
    {
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (Resident.Of(pid) is { } now && now.Total > Peak.Total)
                {
                    Peak = now;
                }
                try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
        return this;
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

/// <summary>A process's resident memory and its parts, from /proc/{pid}/status.</summary>
public sealed record Resident(long Total, long Anonymous, long Files, long Shared)
{
    public static Resident? Of(int pid)
    {
        string[] wanted = ["VmRSS", "RssAnon", "RssFile", "RssShmem"]; // each "Name:   1234 kB"
        var fields = File.ReadLines($"/proc/{pid}/status")
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && wanted.Contains(p[0]))
            .ToDictionary(p => p[0], p => long.Parse(p[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024);
        return fields.TryGetValue("VmRSS", out var total)
            ? new Resident(total, fields.GetValueOrDefault("RssAnon"), fields.GetValueOrDefault("RssFile"), fields.GetValueOrDefault("RssShmem"))
            : null;
    }

    public override string ToString() =>
        $"{Total / 1048576.0:N0} MB (anonymous {Anonymous / 1048576.0:N0}, files {Files / 1048576.0:N0}, JIT code {Shared / 1048576.0:N0})";
}

/// <summary>The CPU time a process has used, user and system, from /proc/{pid}/stat.</summary>
public static class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (name) ": fields from the 3rd
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
