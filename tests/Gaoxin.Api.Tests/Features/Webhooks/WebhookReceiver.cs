using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gaoxin.Api.Tests.Features.Webhooks;

/// <summary>One request as the receiver got it.</summary>
public sealed record ReceivedMessage(int Sequence, string Id, string Timestamp, string Signature, string Body)
{
    /// <summary>The status answered; 0 while the answer is still being decided.</summary>
    public int AnsweredWith { get; set; }

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public IReadOnlyList<string> EventIds => Json.GetProperty("data").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    public bool Redelivery => Json.GetProperty("data").GetProperty("redelivery").GetBoolean();

    public System.Net.WebHeaderCollection Headers => new() { { "webhook-id", Id }, { "webhook-timestamp", Timestamp }, { "webhook-signature", Signature } };
}

/// <summary>
/// A real HTTP server on loopback that records what it is sent, as a municipal system's endpoint would receive it.
/// <see cref="Answer"/> decides each answer (by default 204), so tests can make it fail, recover or hang.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedMessage> _received = new();
    private int _requests;

    /// <summary>Given the request's number (1 for the first), the status to answer with, after any delay it wants.</summary>
    public Func<int, Task<int>> Answer { get; set; } = _ => Task.FromResult(204);

    private WebhookReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            // Recorded on arrival, so the order is the order of sending even when an answer is held back.
            var message = new ReceivedMessage(Interlocked.Increment(ref _requests), context.Request.Headers["webhook-id"].ToString(),
                context.Request.Headers["webhook-timestamp"].ToString(), context.Request.Headers["webhook-signature"].ToString(), body);
            _received.Enqueue(message);
            message.AnsweredWith = await Answer(message.Sequence);
            return Results.StatusCode(message.AnsweredWith);
        });
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver._app.StartAsync();
        return receiver;
    }

    public string Url => _app.Urls.Single() + "/hooks";

    public IReadOnlyList<ReceivedMessage> Received => [.. _received];

    /// <summary>The messages it accepted (2xx), in arrival order.</summary>
    public IReadOnlyList<ReceivedMessage> Accepted => [.. _received.Where(m => m.AnsweredWith is >= 200 and < 300).OrderBy(m => m.Sequence)];

    /// <summary>The change positions of the events it accepted, in the order they were sent, each once (duplicates dropped by event id, as a receiver should).</summary>
    public IReadOnlyList<string> AcceptedPositions => [.. Accepted.SelectMany(m => m.Json.GetProperty("data").GetProperty("events").EnumerateArray())
        .DistinctBy(e => e.GetProperty("id").GetString()).Select(e => e.GetProperty("change").GetProperty("position").GetString()!)];

    /// <summary>Every event id it accepted, in arrival order, duplicates included.</summary>
    public IReadOnlyList<string> AcceptedEventIds => [.. Accepted.SelectMany(m => m.EventIds)];

    /// <summary>Waits until the condition holds, or fails the test after the timeout.</summary>
    public async Task WaitForAsync(Func<WebhookReceiver, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {seconds} s waiting for: {what}. Received {_received.Count} requests.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
