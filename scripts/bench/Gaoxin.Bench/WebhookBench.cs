using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gaoxin.Bench;

/// <summary>What the webhook case measured.</summary>
/// <param name="Events">Events delivered (each subscription's counted).</param>
/// <param name="AllDeliveredAfter">From the import's commit to the last event at the last receiver.</param>
/// <param name="LagP50">An event's commit to its arrival, median over every delivered event.</param>
/// <param name="LagP99">The same, 99th percentile.</param>
/// <param name="Messages">Messages received.</param>
/// <param name="PollingFloor">The floor: the same events read by each subscriber polling listChanges instead, one after another.</param>
internal sealed record WebhookResult(int Subscriptions, long Events, TimeSpan AllDeliveredAfter, TimeSpan LagP50, TimeSpan LagP99, long Messages, long Duplicates, TimeSpan PollingFloor);

/// <summary>
/// Subscriptions served by the API's own dispatcher to a real receiver on loopback (Kestrel, answering 204 at once, so
/// the figures are the platform's): the time from an import's commit until every subscriber has every event.
/// </summary>
internal static class WebhookBench
{
    public static async Task<WebhookResult> RunAsync(HttpClient http, string importFile, int rows, int subscriptions, Action<string> log)
    {
        var arrivals = new ConcurrentBag<(int Receiver, DateTimeOffset At, DateTimeOffset[] OccurredAt, string[] Ids)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var receiver = builder.Build();
        receiver.MapPost("/hooks/{n:int}", async (int n, HttpContext context) =>
        {
            var at = DateTimeOffset.UtcNow;
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var events = body.RootElement.GetProperty("data").GetProperty("events").EnumerateArray().ToList();
            arrivals.Add((n, at, events.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToArray(), events.Select(e => e.GetProperty("id").GetString()!).ToArray()));
            return Results.NoContent();
        });
        await receiver.StartAsync();
        var baseUrl = receiver.Urls.Single();

        for (var i = 0; i < subscriptions; i++)
        {
            var body = JsonSerializer.Serialize(new { url = $"{baseUrl}/hooks/{i}", eventTypes = new[] { "observation.created", "observation.updated", "observation.deleted" }, description = $"bench receiver {i}" });
            using var created = await http.PostAsync("/api/v1/webhooks", new StringContent(body, Encoding.UTF8, "application/json"));
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"createWebhook failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            }
        }

        using var headResponse = await http.GetAsync("/api/v1/changes/head");
        var head = JsonDocument.Parse(await headResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("cursor").GetString()!;
        log($"webhooks: {subscriptions} subscriptions; importing {rows:N0} rows");
        await using (var stream = File.OpenRead(importFile))
        {
            var content = new StreamContent(stream, 1 << 16);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
            using var response = await http.PostAsync("/api/v1/imports/observations", content);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"import failed: {(int)response.StatusCode}");
            }
        }
        var expected = (long)rows * subscriptions;
        var deadline = Stopwatch.StartNew();
        while (arrivals.Sum(a => (long)a.Ids.Length) < expected && deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            await Task.Delay(200);
        }
        await Task.Delay(500); // anything sent twice would arrive by now

        // The floor: what it costs the platform to hand the same events out by polling, each subscriber paging the feed.
        var polling = Stopwatch.StartNew();
        for (var i = 0; i < subscriptions; i++)
        {
            var cursor = head;
            var hasMore = true;
            while (hasMore)
            {
                using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/changes?cursor={cursor}&limit=5000&resourceType=observation"));
                cursor = page.RootElement.GetProperty("nextCursor").GetString()!;
                hasMore = page.RootElement.GetProperty("hasMore").GetBoolean();
            }
        }
        polling.Stop();

        var all = arrivals.ToList();
        var committed = all.SelectMany(a => a.OccurredAt).DefaultIfEmpty(DateTimeOffset.UtcNow).Min();
        var lags = all.SelectMany(a => a.OccurredAt.Select(o => a.At - o)).Order().ToList();
        var distinct = all.SelectMany(a => a.Ids.Select(id => (a.Receiver, id))).Distinct().LongCount();
        var delivered = all.Sum(a => (long)a.Ids.Length);
        log($"webhooks: {distinct:N0} of {expected:N0} events delivered");
        return new WebhookResult(subscriptions, distinct, all.Count == 0 ? TimeSpan.Zero : all.Max(a => a.At) - committed,
            lags.Count == 0 ? TimeSpan.Zero : lags[lags.Count / 2], lags.Count == 0 ? TimeSpan.Zero : lags[(int)(lags.Count * 0.99)], all.Count, delivered - distinct, polling.Elapsed);
    }
}
