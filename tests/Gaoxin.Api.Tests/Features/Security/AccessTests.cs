using System.Net;
using Gaoxin.Api.Tests.Features.Indicators;
using Gaoxin.Api.Tests.Features.Observations;
using Gaoxin.Contracts.ApiKeys;
using Gaoxin.Contracts.Observations;

namespace Gaoxin.Api.Tests.Features.Security;

/// <summary>Who may do what: keys, scopes and park subtrees, through the real HTTP pipeline.</summary>
public sealed class AccessTests(ApiFactory factory) : ApiTest(factory)
{
    private const string ReadKey = "gx_readerkk_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private const string HaidongKey = "gx_haidongw_cccccccccccccccccccccccccccccccc";
    private const string ImportKey = "gx_importer_dddddddddddddddddddddddddddddddd";

    private static PutObservationRequest Figure(string park) => ObservationRequests.Put("incubating-enterprises", park, "2024", 7);

    [Fact]
    public async Task Reads_are_open_and_a_write_without_a_key_is_401_saying_how_to_send_one()
    {
        using var anonymous = Factory.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/parks/tree")).StatusCode);

        var response = await anonymous.PutJsonAsync("/api/v1/observations", Figure("haidong"));
        var problem = await response.ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.missing-key");
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task An_unknown_or_revoked_key_is_401_and_a_key_in_the_url_counts_for_nothing()
    {
        using var wrong = Factory.ClientWithKey("gx_nobodyxx_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        await (await wrong.PutJsonAsync("/api/v1/observations", Figure("haidong"))).ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-key");

        await Factory.AddKeyAsync("reader", ReadKey, ["read", "write"], park: null);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/api-keys/reader")).StatusCode);
        using var revoked = Factory.ClientWithKey(ReadKey);
        await (await revoked.PutJsonAsync("/api/v1/observations", Figure("haidong"))).ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-key");

        using var anonymous = Factory.ClientWithKey(null);
        await (await anonymous.PutJsonAsync("/api/v1/observations?api_key=" + ApiFactory.AdminKey, Figure("haidong")))
            .ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.missing-key");
    }

    [Fact]
    public async Task A_bogus_or_revoked_key_on_a_read_is_401_not_silently_anonymous()
    {
        using var wrong = Factory.ClientWithKey("gx_nobodyxx_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee");
        await (await wrong.GetAsync("/api/v1/parks/tree")).ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-key");
        using var malformed = Factory.ClientWithKey("not-a-key");
        await (await malformed.GetAsync("/api/v1/policies")).ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-key");

        await Factory.AddKeyAsync("reader", ReadKey, ["read"], park: null);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/api-keys/reader")).StatusCode);
        using var revoked = Factory.ClientWithKey(ReadKey);
        await (await revoked.GetAsync("/api/v1/indicators")).ReadProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid-key");

        using var anonymous = Factory.ClientWithKey(null);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/parks/tree")).StatusCode); // no key at all is still fine
    }

    [Fact]
    public async Task A_read_key_writing_is_403_naming_the_scope_it_lacks_and_x_api_key_works_too()
    {
        await Factory.AddKeyAsync("reader", ReadKey, ["read"], park: null);
        using var reader = Factory.CreateClient();
        reader.DefaultRequestHeaders.Add("X-Api-Key", ReadKey);

        var problem = await (await reader.PutJsonAsync("/api/v1/observations", Figure("haidong"))).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        Assert.Equal("write", problem.GetProperty("requiredScope").GetString());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/parks/haidong")).StatusCode);
    }

    [Fact]
    public async Task A_write_key_for_haidong_writes_in_haidong_and_cannot_touch_haichuang_centre()
    {
        await Factory.AddKeyAsync("haidong-writer", HaidongKey, ["write"], park: "haidong");
        using var haidong = Factory.ClientWithKey(HaidongKey);
        var before = await CountAsync("observations");

        var own = await (await haidong.PutJsonAsync("/api/v1/observations", Figure("haidong-incubator"))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        Assert.Equal("API", own.RecordedBy); // a key without a display name is "API" in public, never its internal name

        var problem = await (await haidong.PutJsonAsync("/api/v1/observations", Figure("haichuang-centre"))).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        Assert.Equal("haichuang-centre", problem.GetProperty("parkCode").GetString());
        await (await haidong.DeleteAsync("/api/v1/parks/zhanjiang-marine-st-base")).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        await (await haidong.PostJsonAsync("/api/v1/indicators", IndicatorRequests.HighTechEnterprises())).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.park-scoped-key");
        Assert.Equal(before + 1, await CountAsync("observations"));
    }

    [Fact]
    public async Task Imports_need_the_import_scope_and_a_park_key_imports_into_its_parks_only()
    {
        await Factory.AddKeyAsync("haidong-writer", HaidongKey, ["write"], park: "haidong");
        using var writer = Factory.ClientWithKey(HaidongKey);
        var csv = Imports.Imports.Csv("incubators,haidong,2024,,1,2024-12-31,,", "incubators,haichuang-centre,2024,,1,2024-12-31,,");
        await (await Imports.Imports.PostCsvAsync(writer, "observations", csv)).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");

        await Factory.AddKeyAsync("haidong-importer", ImportKey, ["import"], park: "haidong");
        using var importer = Factory.ClientWithKey(ImportKey);
        var report = await (await Imports.Imports.PostCsvAsync(importer, "observations", csv, "mode=rows")).ReadAsync<Gaoxin.Contracts.Imports.ImportReportDto>();
        Assert.Equal((1, 1), (report.Created, report.Rejected));
        Assert.Equal((3, "auth.outside-park-scope"), (report.Problems.Single().Line, report.Problems.Single().Code));
        Assert.Equal("haidong-importer", report.RequestedBy);
    }

    [Fact]
    public async Task Admins_make_keys_that_are_shown_once_and_listed_without_the_secret()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/api-keys", new CreateApiKeyRequest { Name = "municipal-mirror", Scopes = ["read"] }))
            .ReadAsync<CreatedApiKeyDto>(HttpStatusCode.Created);
        Assert.StartsWith("gx_", created.Key);

        var created201 = await Client.GetAsync($"/api/v1/api-keys/{created.Info.Name}"); // where Location points
        Assert.Equal("municipal-mirror", (await created201.ReadAsync<ApiKeyDto>()).Name);
        Assert.DoesNotContain(created.Key, await created201.Content.ReadAsStringAsync());
        var listing = await Client.GetStringAsync("/api/v1/api-keys");
        Assert.Contains("municipal-mirror", listing);
        Assert.DoesNotContain(created.Key, listing);

        using var mirror = Factory.ClientWithKey(created.Key);
        Assert.Equal(HttpStatusCode.OK, (await mirror.GetAsync("/api/v1/parks/tree")).StatusCode);
        await (await mirror.GetAsync("/api/v1/api-keys")).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        await (await Client.PostJsonAsync("/api/v1/api-keys", new CreateApiKeyRequest { Name = "municipal-mirror", Scopes = ["read"] }))
            .ReadProblemAsync(HttpStatusCode.Conflict, "api-key.name-taken");
    }
}
