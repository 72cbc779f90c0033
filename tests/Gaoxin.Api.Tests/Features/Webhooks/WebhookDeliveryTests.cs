using System.Net;
using Dapper;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Webhooks;
using Npgsql;
using StandardWebhooks;

namespace Gaoxin.Api.Tests.Features.Webhooks;

/// <summary>
/// Delivery end to end: API processes with their dispatchers, a real receiver on loopback, the real database. What a
/// municipal system relies on: every event it may see arrives, signed, in commit order, once by event id, across its
/// own outages and the platform's restarts.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookDatabase database) : IAsyncLifetime
{
    private readonly HttpClient _client = database.Api.ClientWithKey(ApiFactory.AdminKey);
    private static int _day;

    public async Task InitializeAsync()
    {
        // Each test subscribes its own receiver; earlier tests' subscriptions must not be served in its time.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.ExecuteAsync("delete from webhooks");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Imports figures for years not used before, in one transaction: <paramref name="count"/> observation.created events.</summary>
    private static async Task ImportFiguresAsync(HttpClient client, int count, string park = "haidong")
    {
        // Figures for days not used before (illustrative values), so that every row is a new observation.
        var rows = Enumerable.Range(0, count).Select(_ => $"land-acquisition-launched,{park},{new DateOnly(2001, 1, 1).AddDays(Interlocked.Increment(ref _day)):yyyy-MM-dd},,1,2024-12-31,,").ToArray();
        var response = await Imports.Imports.PostCsvAsync(client, "observations", Imports.Imports.Csv(rows));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the change feed says happened after a cursor: the order every subscriber must see.</summary>
    private async Task<IReadOnlyList<string>> FeedAfterAsync(string cursor, string types = "observation", string? park = null)
    {
        var page = await (await _client.GetAsync($"/api/v1/changes?cursor={cursor}&resourceType={types}&limit=5000" + (park is null ? "" : "&park=" + park))).ReadAsync<ChangePage>();
        return page.Items.Select(c => c.Position).ToList();
    }

    private async Task<string> HeadAsync() => (await (await _client.GetAsync("/api/v1/changes/head")).ReadAsync<ChangeFeedHead>()).Cursor;

    private async Task<IReadOnlyList<WebhookDeliveryDto>> LogAsync(string id) =>
        (await (await _client.GetAsync($"/api/v1/webhooks/{id}/deliveries?limit=200")).ReadAsync<WebhookDeliveryPage>()).Items;

    [Fact]
    public async Task Events_arrive_signed_in_commit_order_and_verify_with_the_reference_library()
    {
        await using var dispatcher = database.StartApi();
        await using var receiver = await WebhookReceiver.StartAsync();
        var head = await HeadAsync();
        var created = await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        Assert.StartsWith("whsec_", created.Secret);

        for (var i = 0; i < 4; i++)
        {
            await ImportFiguresAsync(_client, 30); // 120 events in 4 transactions, more than one message each
        }
        // A change of a type it did not ask for is not sent.
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/parks", Parks.ParkRequests.MakerSpace("webhook-test-park"))).StatusCode);

        var expected = await FeedAfterAsync(head);
        Assert.Equal(120, expected.Count);
        await receiver.WaitForAsync(r => r.AcceptedPositions.Count >= 120, "120 events");
        Assert.Equal(expected, receiver.AcceptedPositions);
        Assert.Equal(120, receiver.AcceptedEventIds.Count); // nothing twice

        var verifier = new Webhook(created.Secret);
        foreach (var message in receiver.Received)
        {
            verifier.Verify(message.Body, message.Headers); // throws unless a signature matches
            Assert.Equal("gaoxin.events", message.Json.GetProperty("type").GetString());
            Assert.InRange(message.EventIds.Count, 1, 50);
            Assert.All(message.Json.GetProperty("data").GetProperty("events").EnumerateArray(), e => Assert.Equal("observation.created", e.GetProperty("type").GetString()));
        }
        // A tampered body, or another secret, fails the reference check.
        var first = receiver.Received[0];
        Assert.Throws<StandardWebhooks.Exceptions.WebhookVerificationException>(() => verifier.Verify(first.Body.Replace("created", "deleted"), first.Headers));
        Assert.Throws<StandardWebhooks.Exceptions.WebhookVerificationException>(() => new Webhook("whsec_" + Convert.ToBase64String(new byte[32])).Verify(first.Body, first.Headers));

        var log = await LogAsync(created.Webhook.Id);
        Assert.All(log, d => Assert.Equal(WebhookDeliveryOutcome.Succeeded, d.Outcome));
        Assert.All(log, d => Assert.Equal(204, d.ResponseStatus));
        Assert.Equal(120, log.Sum(d => d.EventCount));
        Assert.Equal(receiver.Received.Select(m => m.Id).Reverse(), log.Select(d => d.MessageId));
    }

    [Fact]
    public async Task A_receiver_that_fails_then_recovers_gets_every_event_once_by_event_id()
    {
        await using var dispatcher = database.StartApi();
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = n => Task.FromResult(n <= 3 ? 503 : 200);
        var head = await HeadAsync();
        var created = await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        for (var i = 0; i < 3; i++)
        {
            await ImportFiguresAsync(_client, 20);
        }
        var expected = await FeedAfterAsync(head);
        await receiver.WaitForAsync(r => r.AcceptedPositions.Count >= expected.Count, "every event after the outage");
        Assert.Equal(expected, receiver.AcceptedPositions);
        Assert.Equal(expected.Count, receiver.AcceptedEventIds.Count);

        // The failed message was sent again as it was: the same id and body, a new timestamp and signature.
        var failed = receiver.Received.Where(m => m.AnsweredWith == 503).ToList();
        Assert.Equal(3, failed.Count);
        Assert.Single(failed.Select(m => m.Id).Distinct());
        Assert.Contains(receiver.Accepted, m => m.Id == failed[0].Id && m.Body == failed[0].Body);

        var log = await LogAsync(created.Webhook.Id);
        var retries = log.Where(d => d.Outcome == WebhookDeliveryOutcome.Failed).OrderBy(d => d.Id).ToList();
        Assert.Equal([1, 2, 3], retries.Select(d => d.Attempt));
        Assert.All(retries, d => Assert.Equal(503, d.ResponseStatus));
        Assert.All(retries, d => Assert.True(d.NextAttemptAt > d.AttemptedAt));
        Assert.Contains(log, d => d.Outcome == WebhookDeliveryOutcome.Succeeded && d.Attempt == 4 && d.MessageId == failed[0].Id);
        var now = await (await _client.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}")).ReadAsync<WebhookDto>();
        Assert.Null(now.FailingSince);
        Assert.Equal(WebhookStatus.Active, now.Status);
    }

    [Fact]
    public async Task Failures_past_the_retry_period_disable_the_subscription_and_resuming_loses_nothing()
    {
        await using var dispatcher = database.StartApi();
        await using var receiver = await WebhookReceiver.StartAsync();
        var down = true;
        receiver.Answer = _ => Task.FromResult(down ? 500 : 200);
        var head = await HeadAsync();
        var created = await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        await ImportFiguresAsync(_client, 10);

        var url = $"/api/v1/webhooks/{created.Webhook.Id}";
        WebhookDto webhook;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            await Task.Delay(200);
            webhook = await (await _client.GetAsync(url)).ReadAsync<WebhookDto>();
            Assert.True(DateTime.UtcNow < deadline, "the subscription was not disabled after its retry period");
        }
        while (webhook.Status != WebhookStatus.Disabled);
        Assert.Equal(WebhookDisabledReason.RetriesExhausted, webhook.DisabledReason);
        Assert.False(string.IsNullOrEmpty(webhook.DisabledDetail));
        Assert.True(receiver.Received.Count >= 3, "it was retried before being given up");

        // The admin's notice: the audit log names the platform as the one that disabled it.
        var audit = await (await _client.GetAsync($"/api/v1/audit?resourceType=webhook&key={created.Webhook.Id}")).ReadAsync<AuditPage>();
        var disabled = Assert.Single(audit.Items, a => a.Action == ChangeAction.Updated);
        Assert.Equal("system:webhooks", disabled.Actor);
        Assert.Equal("retriesExhausted", disabled.After!.Value.GetProperty("disabled_reason").GetString());

        // Nothing is sent while disabled; events committed meanwhile wait.
        await ImportFiguresAsync(_client, 5);
        var attempts = receiver.Received.Count;
        await Task.Delay(700);
        Assert.Equal(attempts, receiver.Received.Count);

        down = false;
        using var resume = new HttpRequestMessage(HttpMethod.Put, url)
        {
            Content = System.Net.Http.Json.JsonContent.Create(new UpdateWebhookRequest { Url = receiver.Url, EventTypes = WebhookRequests.ObservationEvents, Status = WebhookStatus.Active }, options: Http.Json),
        };
        resume.Headers.IfMatch.ParseAdd(ETag(webhook.Version));
        var resumed = await (await _client.SendAsync(resume)).ReadAsync<WebhookDto>();
        Assert.Equal(WebhookStatus.Active, resumed.Status);
        Assert.Null(resumed.DisabledReason);

        var expected = await FeedAfterAsync(head);
        Assert.Equal(15, expected.Count);
        await receiver.WaitForAsync(r => r.AcceptedPositions.Count >= 15, "the 15 events after resuming");
        Assert.Equal(expected, receiver.AcceptedPositions);
    }

    private static string ETag(int version) => $"\"{version}\"";

    [Fact]
    public async Task An_api_restart_mid_delivery_loses_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var firstArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The first message is held without an answer until its sender has gone; later ones are answered at once.
        receiver.Answer = async n =>
        {
            if (n == 1)
            {
                firstArrived.TrySetResult();
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
            return 200;
        };
        var head = await HeadAsync();
        await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        await ImportFiguresAsync(_client, 40);

        var first = database.StartApi();
        await firstArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // The process dies mid-send: as a crash does, its connection goes, and with it its transaction and its claim.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            var killed = await connection.ExecuteScalarAsync<int>(
                "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity " +
                "where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()) t");
            Assert.True(killed >= 1, "the process was not mid-send"); // its other worker may be between statements too
        }
        await first.DisposeAsync();
        await ImportFiguresAsync(_client, 10);
        await using var restarted = database.StartApi();

        var expected = await FeedAfterAsync(head);
        Assert.Equal(50, expected.Count);
        await receiver.WaitForAsync(r => r.AcceptedPositions.Count >= 50, "all 50 events after the restart");
        Assert.Equal(expected, receiver.AcceptedPositions);
        // The events in flight at the restart were sent again, with their ids: a receiver drops them by id.
        var inFlight = receiver.Received[0].EventIds;
        Assert.All(inFlight, id => Assert.Contains(receiver.Received.Skip(1), m => m.EventIds.Contains(id)));
    }

    [Fact]
    public async Task Two_api_processes_deliver_each_event_once()
    {
        await using var one = database.StartApi();
        await using var two = database.StartApi();
        var receivers = new List<WebhookReceiver>();
        for (var i = 0; i < 3; i++)
        {
            receivers.Add(await WebhookReceiver.StartAsync());
        }
        try
        {
            var head = await HeadAsync();
            foreach (var receiver in receivers)
            {
                await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
            }
            // Writes through both processes, in turn, while both deliver.
            for (var i = 0; i < 6; i++)
            {
                await ImportFiguresAsync((i % 2 == 0 ? one : two).ClientWithKey(ApiFactory.AdminKey), 40);
            }
            var expected = await FeedAfterAsync(head);
            Assert.Equal(240, expected.Count);
            foreach (var receiver in receivers)
            {
                await receiver.WaitForAsync(r => r.AcceptedPositions.Count >= 240, "240 events at each receiver");
                Assert.Equal(expected, receiver.AcceptedPositions);
                Assert.Equal(240, receiver.AcceptedEventIds.Count); // each event once: no process sent what another had sent
                Assert.Equal(receiver.Received.Count, receiver.Received.Select(m => m.Id).Distinct().Count());
            }
        }
        finally
        {
            foreach (var receiver in receivers)
            {
                await receiver.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_ping_is_signed_with_both_secrets_during_a_rotation_and_only_the_new_one_after()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        var ping = await (await _client.PostAsync($"/api/v1/webhooks/{created.Webhook.Id}/ping", null)).ReadAsync<WebhookDeliveryDto>();
        Assert.Equal(WebhookDeliveryKind.Ping, ping.Kind);
        Assert.Equal(WebhookDeliveryOutcome.Succeeded, ping.Outcome);
        Assert.Equal(204, ping.ResponseStatus);
        new Webhook(created.Secret).Verify(receiver.Received[^1].Body, receiver.Received[^1].Headers);
        Assert.Equal("gaoxin.ping", receiver.Received[^1].Json.GetProperty("type").GetString());

        var rotated = await (await _client.PostJsonAsync($"/api/v1/webhooks/{created.Webhook.Id}/secret", new RotateWebhookSecretRequest { OverlapHours = 24 })).ReadAsync<WebhookSecretDto>();
        Assert.NotEqual(created.Secret, rotated.Secret);
        Assert.NotNull(rotated.PreviousSecretExpiresAt);
        await _client.PostAsync($"/api/v1/webhooks/{created.Webhook.Id}/ping", null);
        var during = receiver.Received[^1];
        Assert.Equal(2, during.Signature.Split(' ').Length);
        new Webhook(rotated.Secret).Verify(during.Body, during.Headers);
        new Webhook(created.Secret).Verify(during.Body, during.Headers); // receivers not yet switched still accept it

        await _client.PostJsonAsync($"/api/v1/webhooks/{created.Webhook.Id}/secret", new RotateWebhookSecretRequest { OverlapHours = 0 });
        await _client.PostAsync($"/api/v1/webhooks/{created.Webhook.Id}/ping", null);
        var after = receiver.Received[^1];
        Assert.Single(after.Signature.Split(' '));
        Assert.Throws<StandardWebhooks.Exceptions.WebhookVerificationException>(() => new Webhook(rotated.Secret).Verify(after.Body, after.Headers));

        // A receiver that is down: the ping says so, and why.
        receiver.Answer = _ => Task.FromResult(410);
        var refused = await (await _client.PostAsync($"/api/v1/webhooks/{created.Webhook.Id}/ping", null)).ReadAsync<WebhookDeliveryDto>();
        Assert.Equal(WebhookDeliveryOutcome.Failed, refused.Outcome);
        Assert.Equal(410, refused.ResponseStatus);
    }

    [Fact]
    public async Task Redelivery_sends_a_range_again_marked_as_such_with_the_same_event_ids()
    {
        await using var dispatcher = database.StartApi();
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        await ImportFiguresAsync(_client, 30);
        await receiver.WaitForAsync(r => r.AcceptedEventIds.Count >= 30, "30 events");
        var ids = receiver.AcceptedEventIds;

        var response = await _client.PostJsonAsync($"/api/v1/webhooks/{created.Webhook.Id}/redeliveries", new RedeliverWebhookEventsRequest { FromEventId = ids[5], ToEventId = ids[24] });
        var redelivery = await response.ReadAsync<WebhookRedeliveryDto>(HttpStatusCode.Accepted);
        await receiver.WaitForAsync(r => r.Accepted.Count(m => m.Redelivery) > 0 && r.Accepted.Where(m => m.Redelivery).Sum(m => m.EventIds.Count) >= 20, "the 20 events again");
        var again = receiver.Accepted.Where(m => m.Redelivery).SelectMany(m => m.EventIds).ToList();
        Assert.Equal(ids.Skip(5).Take(20), again);
        Assert.All(receiver.Accepted.Where(m => m.Redelivery), m => new Webhook(created.Secret).Verify(m.Body, m.Headers));
        Assert.Contains(await LogAsync(created.Webhook.Id), d => d.Kind == WebhookDeliveryKind.Redelivery);

        // One event alone; an unknown one is a clear 404.
        await _client.PostJsonAsync($"/api/v1/webhooks/{created.Webhook.Id}/redeliveries", new RedeliverWebhookEventsRequest { FromEventId = ids[0] });
        await receiver.WaitForAsync(r => r.Accepted.Where(m => m.Redelivery).Sum(m => m.EventIds.Count) >= 21, "the single event again");
        Assert.Equal([ids[0]], receiver.Accepted.Where(m => m.Redelivery).Last().EventIds);
        var missing = await _client.PostJsonAsync($"/api/v1/webhooks/{created.Webhook.Id}/redeliveries", new RedeliverWebhookEventsRequest { FromEventId = "chg_999999999" });
        await missing.ReadProblemAsync(HttpStatusCode.NotFound, "webhook.event-not-found");
        _ = redelivery;
    }

    [Fact]
    public async Task A_subscriber_receives_only_what_its_key_may_read()
    {
        await using var dispatcher = database.StartApi();
        await database.Api.AddKeyAsync("haidong-hooks", "gx_hdhooks1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["webhooks"], park: "haidong");
        await database.Api.AddKeyAsync("zone-hooks", "gx_znhooks1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["webhooks"], park: null);
        await database.Api.AddKeyAsync("private-hooks", "gx_prhooks1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", ["webhooks", "enterprises"], park: null);
        var haidongKey = database.Api.ClientWithKey("gx_hdhooks1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        var zoneKey = database.Api.ClientWithKey("gx_znhooks1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        var privateKey = database.Api.ClientWithKey("gx_prhooks1_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        try
        {
            await using var haidongReceiver = await WebhookReceiver.StartAsync();
            await using var privateReceiver = await WebhookReceiver.StartAsync();
            var head = await HeadAsync();

            // A park-limited key subscribes within its park; by default its park is the filter.
            var haidong = await haidongKey.SubscribeAsync(haidongReceiver.Url, WebhookRequests.ObservationEvents);
            Assert.Equal("haidong", haidong.Webhook.ParkCode);
            var outside = await haidongKey.PostJsonAsync("/api/v1/webhooks", new CreateWebhookRequest { Url = haidongReceiver.Url, EventTypes = WebhookRequests.ObservationEvents, ParkCode = "haichuang-centre" });
            await outside.ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
            // Enterprise events need the enterprises scope.
            var refused = await zoneKey.PostJsonAsync("/api/v1/webhooks", new CreateWebhookRequest { Url = privateReceiver.Url, EventTypes = ["enterprise.created"] });
            Assert.Equal("enterprises", (await refused.ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope")).GetProperty("requiredScope").GetString());
            await privateKey.SubscribeAsync(privateReceiver.Url, ["enterprise.created", "enterprise.updated"]);

            await ImportFiguresAsync(_client, 5, park: "haidong");
            await ImportFiguresAsync(_client, 5, park: "haichuang-centre");
            var enterprise = await _client.PostJsonAsync("/api/v1/enterprises", Enterprises.EnterpriseTests.Biotech("webhook-test-enterprise"));
            Assert.Equal(HttpStatusCode.Created, enterprise.StatusCode);

            var haidongExpected = await FeedAfterAsync(head, park: "haidong");
            Assert.Equal(5, haidongExpected.Count);
            await haidongReceiver.WaitForAsync(r => r.AcceptedPositions.Count >= 5, "Haidong's 5 figures");
            await privateReceiver.WaitForAsync(r => r.AcceptedEventIds.Count >= 1, "the enterprise");
            await Task.Delay(500); // anything else would have come by now
            Assert.Equal(haidongExpected, haidongReceiver.AcceptedPositions);
            var enterpriseEvent = privateReceiver.Accepted.Single().Json.GetProperty("data").GetProperty("events")[0];
            Assert.Equal("enterprise.created", enterpriseEvent.GetProperty("type").GetString());
            Assert.Equal("webhook-test-enterprise", enterpriseEvent.GetProperty("change").GetProperty("key").GetString());

            // Each key manages its own subscriptions only.
            await (await zoneKey.GetAsync($"/api/v1/webhooks/{haidong.Webhook.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "webhook.not-found");
            Assert.Empty((await (await zoneKey.GetAsync("/api/v1/webhooks")).ReadAsync<WebhookPage>()).Items);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.ExecuteAsync("delete from webhooks; delete from enterprises where code = 'webhook-test-enterprise'; delete from parks where code = 'webhook-test-park'; update api_keys set revoked_at = now() where name like '%-hooks'");
        }
    }

    [Fact]
    public async Task A_target_that_turns_into_a_refused_address_after_it_was_saved_is_refused_at_connect_time()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await _client.SubscribeAsync(receiver.Url, WebhookRequests.ObservationEvents);
        // As a DNS name re-pointed after it was checked would: the stored target now leads to 127.0.0.2, loopback and
        // not on the allowed network (127.0.0.1/32). Nothing may be sent there, whatever was checked when it was saved.
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.ExecuteAsync("update webhooks set url = replace(url, '127.0.0.1', '127.0.0.2') where public_id = @Id", new { created.Webhook.Id });
        }
        var ping = await (await _client.PostAsync($"/api/v1/webhooks/{created.Webhook.Id}/ping", null)).ReadAsync<WebhookDeliveryDto>();
        Assert.Equal(WebhookDeliveryOutcome.Failed, ping.Outcome);
        Assert.Null(ping.ResponseStatus);
        Assert.Contains("目标地址 127.0.0.2 是本机回环地址，不允许投递", ping.Error); // refused, not merely unreachable
        Assert.Empty(receiver.Received);
    }
}
