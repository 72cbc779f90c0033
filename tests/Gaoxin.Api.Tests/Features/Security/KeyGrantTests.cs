using System.Net;
using Gaoxin.Api.Features.ApiKeys;
using Gaoxin.Contracts.ApiKeys;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Parks;

namespace Gaoxin.Api.Tests.Features.Security;

/// <summary>A key hands on only what it holds: creating and revoking keys, and moving parks, with a park-limited admin.</summary>
public sealed class KeyGrantTests(ApiFactory factory) : ApiTest(factory)
{
    private const string HaidongAdminKey = "gx_hdadminx_ffffffffffffffffffffffffffffffff";
    private const string ZoneWriterKey = "gx_zonewrit_gggggggggggggggggggggggggggggggg";

    private async Task<HttpClient> HaidongAdminAsync()
    {
        await Factory.AddKeyAsync("haidong-admin", HaidongAdminKey, ["admin"], park: "haidong");
        return Factory.ClientWithKey(HaidongAdminKey);
    }

    [Fact]
    public async Task A_park_limited_admin_cannot_create_a_zone_wide_key_or_one_for_another_park()
    {
        using var haidongAdmin = await HaidongAdminAsync();
        var before = await CountAsync("api_keys");

        var zoneWide = await (await haidongAdmin.PostJsonAsync("/api/v1/api-keys", new CreateApiKeyRequest { Name = "escalated", Scopes = ["admin"] }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "api-key.exceeds-caller");
        Assert.Equal("escalated", zoneWide.GetProperty("name").GetString());
        await (await haidongAdmin.PostJsonAsync("/api/v1/api-keys", new CreateApiKeyRequest { Name = "elsewhere", Scopes = ["write"], ParkCode = "haichuang-centre" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "api-key.exceeds-caller");
        Assert.Equal(before, await CountAsync("api_keys"));

        // Within its own subtree it may hand on what it holds.
        var created = await (await haidongAdmin.PostJsonAsync("/api/v1/api-keys", new CreateApiKeyRequest { Name = "incubator-writer", Scopes = ["write"], ParkCode = "haidong-incubator" }))
            .ReadAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        Assert.Equal("haidong-incubator", created.Info.ParkCode);
    }

    [Fact]
    public async Task A_park_limited_admin_cannot_revoke_keys_outside_what_it_could_create_and_sees_only_its_own()
    {
        using var haidongAdmin = await HaidongAdminAsync();
        await Factory.AddKeyAsync("zone-writer", ZoneWriterKey, ["write"], park: null);

        await (await haidongAdmin.DeleteAsync("/api/v1/api-keys/zone-writer")).ReadProblemAsync(HttpStatusCode.Forbidden, "api-key.exceeds-caller");
        await (await haidongAdmin.DeleteAsync("/api/v1/api-keys/test-admin")).ReadProblemAsync(HttpStatusCode.Forbidden, "api-key.exceeds-caller");
        using var zoneWriter = Factory.ClientWithKey(ZoneWriterKey);
        Assert.Equal(HttpStatusCode.OK, (await zoneWriter.GetAsync("/api/v1/parks/tree")).StatusCode); // still valid

        var listed = (await (await haidongAdmin.GetAsync("/api/v1/api-keys")).ReadAsync<ApiKeyPage>()).Items;
        Assert.Equal(["haidong-admin"], listed.Select(k => k.Name));

        // The zone's admin may revoke anything, and the audit log says who revoked what.
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/api-keys/zone-writer")).StatusCode);
        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=api-key&key=zone-writer")).ReadAsync<AuditPage>();
        Assert.Equal(("test-admin", ChangeAction.Updated), (audit.Items[0].Actor, audit.Items[0].Action));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, audit.Items[0].After!.Value.GetProperty("revoked_at").ValueKind);
    }

    [Fact]
    public async Task A_park_limited_key_cannot_make_its_park_the_root_of_the_tree()
    {
        await Factory.AddKeyAsync("haidong-writer", ZoneWriterKey, ["write"], park: "haidong");
        using var writer = Factory.ClientWithKey(ZoneWriterKey);
        var park = await (await Client.GetAsync("/api/v1/parks/haidong-incubator")).ReadAsync<ParkDto>();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/parks/haidong-incubator")
        {
            Content = System.Net.Http.Json.JsonContent.Create(park with { ParentCode = null, Kind = ParkKind.Zone }, options: Http.Json),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{park.Version}\"");

        await (await writer.SendAsync(request)).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        Assert.Equal("haidong", (await (await Client.GetAsync("/api/v1/parks/haidong-incubator")).ReadAsync<ParkDto>()).ParentCode);
    }

    [Fact]
    public async Task Keys_made_on_the_command_line_are_audited_as_the_operator_never_as_anonymous()
    {
        Assert.Equal(0, await KeyCommand.RunAsync(Factory.Services, ["create", "cli-made", "read"]));
        Assert.Equal(0, await KeyCommand.RunAsync(Factory.Services, ["revoke", "cli-made"]));

        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=api-key&key=cli-made")).ReadAsync<AuditPage>();
        Assert.Equal(2, audit.Items.Count);
        Assert.All(audit.Items, entry => Assert.StartsWith("operator:", entry.Actor));
    }

    [Fact]
    public async Task Public_reads_name_the_keys_display_name_and_only_the_audit_log_its_internal_name()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/api-keys", new CreateApiKeyRequest
        {
            Name = "municipal-stats-bureau", Scopes = ["write", "import"], DisplayName = "湛江市统计局",
        })).ReadAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        using var bureau = Factory.ClientWithKey(created.Key);

        var figure = await (await bureau.PutJsonAsync("/api/v1/observations", Observations.ObservationRequests.Put("incubating-enterprises", "haidong", "2024", 7)))
            .ReadAsync<Gaoxin.Contracts.Observations.ObservationDto>(HttpStatusCode.Created);
        Assert.Equal("湛江市统计局", figure.RecordedBy);
        var imported = Imports.Imports.Csv("incubating-enterprises,haidong,2025,,9,2025-12-31,,");
        Assert.Equal(HttpStatusCode.OK, (await Imports.Imports.PostCsvAsync(bureau, "observations", imported)).StatusCode);

        var history = await Client.GetStringAsync("/api/v1/observations/history?indicator=incubating-enterprises&park=haidong&period=2025");
        Assert.Contains("湛江市统计局", history);
        Assert.DoesNotContain("municipal-stats-bureau", history);
        Assert.DoesNotContain("import:", history);
        var series = await Client.GetStringAsync("/api/v1/observations?indicator=incubating-enterprises&park=haidong");
        Assert.DoesNotContain("municipal-stats-bureau", series);

        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=api-key&key=municipal-stats-bureau")).ReadAsync<AuditPage>();
        Assert.Equal("test-admin", audit.Items[0].Actor); // admins still see which key did what
    }
}
