using System.Net;
using System.Net.Http.Json;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace Gaoxin.Api.Tests.Features.Webhooks;

/// <summary>
/// Managing subscriptions on the suite's API (which delivers nothing): who may, what a target may be, what is never
/// shown. Targets here are public addresses written as literals (no DNS needed), or names that cannot resolve.
/// </summary>
public sealed class WebhookTests(ApiFactory factory) : ApiTest(factory)
{
    private const string PublicTarget = "https://93.184.215.14/hooks/gaoxin";
    private const string HooksKey = "gx_hookskey_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    private static CreateWebhookRequest Request(string url = PublicTarget, string[]? types = null, string? park = null) =>
        new() { Url = url, EventTypes = types ?? WebhookRequests.ObservationEvents, ParkCode = park, Description = "市统计局数据交换（测试）" };

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254", "metadata")]
    [InlineData("http://127.0.0.1:5432/", "127.0.0.1", "loopback")]
    [InlineData("https://localhost/hooks", null, "loopback")]
    [InlineData("https://10.1.2.3/hooks", "10.1.2.3", "private")]
    [InlineData("https://192.168.1.20/hooks", "192.168.1.20", "private")]
    [InlineData("https://[::1]/hooks", "::1", "loopback")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks", "::ffff:10.0.0.1", "private")]
    [InlineData("https://[fe80::1]/hooks", "fe80::1", "linkLocal")]
    [InlineData("https://0.0.0.0/hooks", "0.0.0.0", "unspecified")]
    public async Task A_target_inside_the_platform_is_refused_with_a_clear_problem_and_nothing_is_saved(string url, string? address, string kind)
    {
        var response = await Client.PostJsonAsync("/api/v1/webhooks", Request(url), "en");
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook.target-not-allowed");
        if (address is not null)
        {
            Assert.Equal(address, problem.GetProperty("targetAddress").GetString());
        }
        Assert.Contains("AllowedNetworks", problem.GetProperty("detail").GetString());
        Assert.Contains(kind switch { "metadata" => "metadata", "loopback" => "loopback", "linkLocal" => "link-local", "unspecified" => "unspecified", _ => "private" },
            problem.GetProperty("detail").GetString());
        Assert.Empty((await (await Client.GetAsync("/api/v1/webhooks")).ReadAsync<WebhookPage>()).Items);
    }

    [Fact]
    public async Task A_target_must_resolve_be_https_and_carry_no_credentials()
    {
        await (await Client.PostJsonAsync("/api/v1/webhooks", Request("https://no-such-host.invalid/hooks"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook.target-unresolvable");
        await (await Client.PostJsonAsync("/api/v1/webhooks", Request("http://93.184.215.14/hooks"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "webhook.target-not-allowed");
        foreach (var url in new[] { "ftp://93.184.215.14/x", "https://user:secret@93.184.215.14/x", "https://93.184.215.14/x#part", "/relative", "" })
        {
            var problem = await (await Client.PostJsonAsync("/api/v1/webhooks", Request(url))).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
            Assert.Contains("url", problem.ErrorFields());
        }
        var unknown = await (await Client.PostJsonAsync("/api/v1/webhooks", Request(types: ["observation.created", "observation.exploded"]))).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Contains("eventTypes[1]", unknown.ErrorFields());
    }

    [Fact]
    public async Task A_subscription_is_created_once_with_its_secret_and_never_shows_it_again()
    {
        var response = await Client.PostJsonAsync("/api/v1/webhooks", Request());
        var created = await response.ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", created.Secret);
        Assert.Equal($"/api/v1/webhooks/{created.Webhook.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(WebhookStatus.Active, created.Webhook.Status);
        Assert.Equal("test-admin", created.Webhook.OwnerKey);
        Assert.Null(created.Webhook.ParkCode);

        var secretPart = created.Secret["whsec_".Length..];
        foreach (var url in new[] { $"/api/v1/webhooks/{created.Webhook.Id}", "/api/v1/webhooks", $"/api/v1/webhooks/{created.Webhook.Id}/deliveries",
                     "/api/v1/audit?resourceType=webhook", "/api/v1/changes?limit=5000" })
        {
            var text = await Client.GetStringAsync(url);
            Assert.DoesNotContain(secretPart, text);
            Assert.DoesNotContain("secret\":\"", text);
        }
        // Subscriptions are not in the public change feed; the audit log records who made it.
        Assert.DoesNotContain((await (await Client.GetAsync("/api/v1/changes?limit=5000")).ReadAsync<ChangePage>()).Items, c => c.ResourceType == "webhook");
        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=webhook")).ReadAsync<AuditPage>();
        Assert.Equal("test-admin", Assert.Single(audit.Items).Actor);
    }

    [Fact]
    public async Task An_update_needs_the_current_etag_and_a_paused_subscription_can_be_resumed()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/webhooks", Request())).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        var url = $"/api/v1/webhooks/{created.Webhook.Id}";
        var change = new UpdateWebhookRequest { Url = PublicTarget, EventTypes = ["park.created", "park.updated"], Status = WebhookStatus.Paused, ParkCode = "haidong" };
        await (await Client.PutJsonAsync(url, change)).ReadProblemAsync(HttpStatusCode.PreconditionRequired, "precondition.required");

        var paused = await (await PutCurrentAsync(url, change)).ReadAsync<WebhookDto>();
        Assert.Equal(WebhookStatus.Paused, paused.Status);
        Assert.Equal(["park.created", "park.updated"], paused.EventTypes);
        Assert.Equal("haidong", paused.ParkCode);
        Assert.Equal(created.Webhook.Version + 1, paused.Version);

        var disabled = await (await PutCurrentAsync(url, change with { Status = WebhookStatus.Disabled })).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Contains("status", disabled.ErrorFields());
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteCurrentAsync(url)).StatusCode);
        await (await Client.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound, "webhook.not-found");
    }

    [Fact]
    public async Task A_key_without_the_webhooks_scope_sees_nothing_of_subscriptions_and_a_webhooks_key_only_its_own()
    {
        var admins = await (await Client.PostJsonAsync("/api/v1/webhooks", Request())).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        const string other = "gx_otherkey_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("everything-but-hooks", other, ["read", "write", "import", "enterprises"], park: null);
        await Factory.AddKeyAsync("hooks", HooksKey, ["webhooks"], park: null);
        var id = admins.Webhook.Id;

        foreach (var client in new[] { Factory.ClientWithKey(other), Factory.ClientWithKey(null) })
        {
            foreach (var (method, url) in new[] { ("GET", "/api/v1/webhooks"), ("GET", $"/api/v1/webhooks/{id}"), ("GET", $"/api/v1/webhooks/{id}/deliveries"),
                         ("GET", "/api/v1/webhooks/event-types"), ("POST", "/api/v1/webhooks"), ("POST", $"/api/v1/webhooks/{id}/ping"),
                         ("POST", $"/api/v1/webhooks/{id}/secret"), ("POST", $"/api/v1/webhooks/{id}/redeliveries"), ("DELETE", $"/api/v1/webhooks/{id}") })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
                var response = await client.SendAsync(request);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{method} {url}: {response.StatusCode}");
                Assert.DoesNotContain(PublicTarget, await response.Content.ReadAsStringAsync());
            }
        }
        var refused = await (await Factory.ClientWithKey(other).GetAsync("/api/v1/webhooks")).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        Assert.Equal("webhooks", refused.GetProperty("requiredScope").GetString());

        // A key with only the webhooks scope: its own subscriptions; the admin's do not exist for it.
        var hooks = Factory.ClientWithKey(HooksKey);
        Assert.Empty((await (await hooks.GetAsync("/api/v1/webhooks")).ReadAsync<WebhookPage>()).Items);
        await (await hooks.GetAsync($"/api/v1/webhooks/{id}")).ReadProblemAsync(HttpStatusCode.NotFound, "webhook.not-found");
        await (await hooks.PostAsync($"/api/v1/webhooks/{id}/ping", null)).ReadProblemAsync(HttpStatusCode.NotFound, "webhook.not-found");
        var own = await (await hooks.PostJsonAsync("/api/v1/webhooks", Request())).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        Assert.Equal([own.Webhook.Id], (await (await hooks.GetAsync("/api/v1/webhooks")).ReadAsync<WebhookPage>()).Items.Select(w => w.Id));
        // Enterprise events are private: the webhooks scope alone cannot ask for them.
        var privateTypes = await (await hooks.PostJsonAsync("/api/v1/webhooks", Request(types: ["match.newlyEligible"]))).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        Assert.Equal("enterprises", privateTypes.GetProperty("requiredScope").GetString());
        // The admin sees both.
        Assert.Equal(2, (await (await Client.GetAsync("/api/v1/webhooks")).ReadAsync<WebhookPage>()).Items.Count);
    }

    [Fact]
    public async Task The_event_types_are_listed_in_both_languages_with_the_private_ones_marked()
    {
        var zh = await (await Client.GetAsync("/api/v1/webhooks/event-types", "zh-CN")).ReadAsync<List<WebhookEventTypeDto>>();
        var en = await (await Client.GetAsync("/api/v1/webhooks/event-types", "en")).ReadAsync<List<WebhookEventTypeDto>>();
        Assert.Equal(9 * 3 - 1 + 3, zh.Count); // a park's place in a round is never deleted: no round.deleted
        Assert.Equal("观测值新建", zh.Single(t => t.Type == "observation.created").Title);
        Assert.Equal("Observation created", en.Single(t => t.Type == "observation.created").Title);
        Assert.Equal(["enterprise.created", "enterprise.deleted", "enterprise.updated", "match.newlyDecidable", "match.newlyEligible", "match.noLongerEligible"],
            zh.Where(t => t.Private).Select(t => t.Type).Order());
    }

    [Fact]
    public async Task A_redelivery_names_existing_events_in_order()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/webhooks", Request())).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        var url = $"/api/v1/webhooks/{created.Webhook.Id}/redeliveries";
        var bad = await (await Client.PostJsonAsync(url, new RedeliverWebhookEventsRequest { FromEventId = "evt.1" })).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Contains("fromEventId", bad.ErrorFields());
        await (await Client.PostJsonAsync(url, new RedeliverWebhookEventsRequest { FromEventId = "chg_999999999" })).ReadProblemAsync(HttpStatusCode.NotFound, "webhook.event-not-found");
        await (await Client.PostJsonAsync(url, new RedeliverWebhookEventsRequest { FromEventId = "chg_3", ToEventId = "chg_1" })).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        var accepted = await (await Client.PostJsonAsync(url, new RedeliverWebhookEventsRequest { FromEventId = "chg_1", ToEventId = "chg_3" })).ReadAsync<WebhookRedeliveryDto>(HttpStatusCode.Accepted);
        Assert.Equal("chg_3", accepted.ToEventId);
        Assert.Null(accepted.CompletedAt);
    }

    [Fact]
    public async Task The_delivery_log_forgets_attempts_older_than_its_retention_and_keeps_the_rest()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/webhooks", Request())).ReadAsync<CreatedWebhookDto>(HttpStatusCode.Created);
        var dataSource = Factory.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, """
                insert into webhook_deliveries (webhook_id, message_id, kind, event_count, attempt, outcome, response_status, latency_ms, attempted_at)
                select w.id, m.id, 'ping', 0, 1, 'succeeded', 204, 3, now() - m.age
                from webhooks w, (values ('msg_old', interval '31 days'), ('msg_recent', interval '29 days')) m (id, age)
                where w.public_id = @Id
                """, new { created.Webhook.Id });
        }
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Gaoxin.Api.Infrastructure.Security.CallerContext>().ActAsOperator();
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Gaoxin.Api.Features.Webhooks.PruneWebhookDeliveries.PruneWebhookDeliveriesCommand());
        }
        var log = await (await Client.GetAsync($"/api/v1/webhooks/{created.Webhook.Id}/deliveries")).ReadAsync<WebhookDeliveryPage>();
        Assert.Equal(["msg_recent"], log.Items.Select(d => d.MessageId));
    }
}
