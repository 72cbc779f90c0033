using Dapper;
using Gaoxin.Api.Infrastructure.Database;
using Npgsql;

namespace Gaoxin.Api.Infrastructure.Security;

/// <summary>
/// One rate-limit budget per client across every API process (<c>RateLimits:Shared=true</c>, as <c>make cluster</c>
/// sets it). Each process counts on its own and, every <c>RateLimits:ShareEveryMilliseconds</c> (100), adds what it
/// counted to the client's row in <c>rate_limit_windows</c> on the primary and takes the total back; the first request
/// of a minute in a process does so before it is answered. The error is bounded and stated: a client can pass its budget
/// by what the other processes admitted it since their last share, at most one interval of its traffic (at 6,000 a
/// minute spread over three processes, about 7 requests). When the primary cannot be reached, each process goes on
/// counting alone (the budget is then per process) and shares again once it can.
/// </summary>
public sealed class RateLimitSharing(IConfiguration configuration, IServiceProvider services, TimeProvider clock, ILogger<RateLimitSharing> logger)
{
    private const string Share = """
        insert into rate_limit_windows as w (client, minute, used)
        select client, minute, delta from unnest(@clients, @minutes, @deltas) as t(client, minute, delta) order by client
        on conflict (client, minute) do update set used = w.used + excluded.used
        returning client, minute, used
        """;

    private sealed class SharedCount
    {
        public string Client { get; init; } = "";
        public long Minute { get; init; }
        public int Used { get; init; }
    }

    private long _quietUntil;

    public bool Enabled { get; } = configuration.GetValue("RateLimits:Shared", false);

    public TimeSpan Interval { get; } = TimeSpan.FromMilliseconds(configuration.GetValue("RateLimits:ShareEveryMilliseconds", 100));

    /// <summary>
    /// Adds each window's unshared requests to the shared count and takes the total back; returns the last window's
    /// count, or null when the database could not be asked (the requests stay unshared, for the next try).
    /// </summary>
    internal async Task<int?> ShareAsync(IReadOnlyList<RateLimiting.Window> windows, CancellationToken cancellationToken)
    {
        if (windows.Count == 0 || Environment.TickCount64 < Interlocked.Read(ref _quietUntil))
        {
            return null;
        }
        var taken = windows.OrderBy(w => w.Client, StringComparer.Ordinal).Select(window =>
        {
            lock (window)
            {
                var delta = window.Unshared;
                window.Unshared = 0;
                return (Window: window, window.Minute, Delta: delta);
            }
        }).ToList();

        IReadOnlyDictionary<(string, long), int> totals;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await using var connection = await services.GetRequiredService<DataSources>().Primary.OpenConnectionAsync(timeout.Token);
            var rows = await connection.QueryAsync<SharedCount>(new CommandDefinition(Share, new
            {
                clients = taken.Select(t => t.Window.Client).ToArray(),
                minutes = taken.Select(t => t.Minute).ToArray(),
                deltas = taken.Select(t => t.Delta).ToArray(),
            }, cancellationToken: timeout.Token));
            totals = rows.ToDictionary(r => (r.Client, r.Minute), r => r.Used);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException or InvalidOperationException)
        {
            foreach (var (window, minute, delta) in taken)
            {
                lock (window)
                {
                    if (window.Minute == minute)
                    {
                        window.Unshared += delta;
                    }
                }
            }
            // Without the primary, requests must not wait on it: count alone for a few seconds before asking again.
            Interlocked.Exchange(ref _quietUntil, Environment.TickCount64 + 5_000);
            logger.LogWarning("Rate limits not shared ({Message}); counting in this process alone for now", e.Message);
            return null;
        }

        int? last = null;
        foreach (var (window, minute, _) in taken)
        {
            lock (window)
            {
                if (window.Minute == minute && totals.TryGetValue((window.Client, minute), out var used))
                {
                    window.Count = used + window.Unshared;
                    window.Known = true;
                    last = window.Count;
                }
            }
        }
        return last;
    }

    /// <summary>Drops the rows of minutes past, which no process asks about again.</summary>
    internal async Task ForgetPastAsync(CancellationToken cancellationToken)
    {
        await using var connection = await services.GetRequiredService<DataSources>().Primary.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("delete from rate_limit_windows where minute < @minute",
            new { minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60 - 1 }, cancellationToken: cancellationToken));
    }
}

/// <summary>Shares this process's windows every interval (see <see cref="RateLimitSharing"/>).</summary>
public sealed class RateLimitSharingLoop(RateLimiting limiter, RateLimitSharing sharing, TimeProvider clock, ILogger<RateLimitSharingLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!sharing.Enabled)
        {
            return;
        }
        var lastMinute = 0L;
        using var timer = new PeriodicTimer(sharing.Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await sharing.ShareAsync(limiter.CurrentWindows(), stoppingToken);
            var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
            if (minute != lastMinute)
            {
                lastMinute = minute;
                try
                {
                    await sharing.ForgetPastAsync(stoppingToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning("Past rate-limit windows not dropped ({Message}); the next minute tries again", e.Message);
                }
            }
        }
    }
}
