using System.Diagnostics;
using Xunit.Abstractions;

namespace Gaoxin.Cluster.Tests;

/// <summary>
/// The primary dies (stopped as a crash would stop it) and the standby is promoted: the API processes, not restarted,
/// take writes again on the new primary, and with synchronous replication no write they acknowledged is lost. It leaves
/// the cluster with one server, so `make test-cluster` runs it last, on its own (trait Drill=Failover).
/// </summary>
[Trait("Drill", "Failover")]
public sealed class FailoverDrill(ITestOutputHelper output)
{
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Writes_resume_on_the_promoted_standby_and_no_acknowledged_write_is_lost()
    {
        var processes = Cluster.ApiProcessIds();
        Cluster.Run("sync", "on");
        var acknowledged = new Dictionary<string, decimal>();
        for (var month = 1; month <= 12; month++)
        {
            for (var i = 1; i <= 4; i++)
            {
                var period = $"2040-{month:D2}";
                await _cluster.WriteAsync(period, month * 100 + i);
                acknowledged[period] = month * 100 + i;
            }
        }

        Cluster.Run("failover", "immediate");
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await _cluster.WriteAsync("2041-01", 1);
                break;
            }
            catch (Exception e) when (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
            {
                output.WriteLine($"{stopwatch.Elapsed.TotalSeconds:F1}s: write refused ({e.Message.Split('\n')[0]})");
                await Task.Delay(500);
            }
        }
        output.WriteLine($"failover: writes resumed {stopwatch.Elapsed.TotalSeconds:F1} s after the promotion");

        foreach (var (period, value) in acknowledged)
        {
            Assert.Equal(value, await _cluster.ReadAsync(period));
        }
        Assert.Equal(processes, Cluster.ApiProcessIds()); // the same processes, never restarted
    }
}
