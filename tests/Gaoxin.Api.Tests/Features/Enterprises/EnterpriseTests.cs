using System.Net;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Enterprises;

/// <summary>
/// The registry as the zone's staff use it: one record per enterprise, checked on the way in, with its history, and
/// private. Enterprises written here are illustrative; the seed holds only the five the article names.
/// </summary>
public sealed class EnterpriseTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>A valid credit code (GB 32100-2015 check character), in the division 000000 that no region has: it cannot be real.</summary>
    public const string ValidCreditCode = "91000000MA0000001R";

    public static CreateEnterpriseRequest Biotech(string code = "sample-biotech") => new()
    {
        Code = code,
        Names = new LocalizedText { Zh = "示例海洋生物科技有限公司", En = "Sample Marine Biotech Ltd" },
        ParkCode = "haidong-incubator",
        InParkSince = new DateOnly(2022, 6, 1),
        RegisteredOn = new DateOnly(2021, 9, 15),
        Industries = [Industry.MarineBiomedicine],
        Qualifications = [new QualificationHeld { Kind = Qualification.IncubatingEnterprise, From = new DateOnly(2022, 6, 1) }],
        Figures = [new EnterpriseYearFigures { Year = 2022, RndSpend = 120, Headcount = 35 }],
        Illustrative = true,
    };

    private async Task<EnterpriseDto> CreateAsync(CreateEnterpriseRequest body) =>
        await (await Client.PostJsonAsync("/api/v1/enterprises", body)).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);

    private async Task<HttpResponseMessage> PutAsync(EnterpriseDto current, EnterpriseDto changed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/enterprises/{current.Code}") { Content = System.Net.Http.Json.JsonContent.Create(changed, options: Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.Version}\"");
        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task The_seed_holds_the_enterprises_the_article_names_and_nothing_it_does_not_say()
    {
        var page = await (await Client.GetAsync("/api/v1/enterprises?limit=200")).ReadAsync<EnterprisePage>();
        Assert.Equal(["china-software", "cnooc", "hongbo-microelectronics", "huafa-group", "juxin-new-energy"], page.Items.Select(e => e.Code));
        Assert.All(page.Items, e => Assert.Equal((null, null, "article-2023-03-31", false), (e.CreditCode, e.RegisteredOn, e.Source?.Code, e.Illustrative)));
        var hongbo = page.Items.Single(e => e.Code == "hongbo-microelectronics");
        Assert.Equal(("haidong-incubator", "鸿博微电子"), (hongbo.ParkCode, hongbo.Name));
        Assert.Equal(Qualification.IncubatingEnterprise, Assert.Single(hongbo.Qualifications).Kind);
        Assert.Null(page.Items.Single(e => e.Code == "cnooc").ParkCode); // the article does not say where
    }

    [Fact]
    public async Task An_enterprise_is_created_read_moved_with_its_history_and_read_as_of_before_the_move()
    {
        var created = await CreateAsync(Biotech() with { CreditCode = ValidCreditCode });
        Assert.Equal((1, ValidCreditCode, ApiFactory.TestAdminDisplayName), (created.Version, created.CreditCode, created.RecordedBy));
        Assert.NotNull(created.ParkName);
        var beforeMove = created.RecordedAt;

        var moved = await (await PutAsync(created, created with { ParkCode = "haichuang-centre", InParkSince = new DateOnly(2024, 3, 1) })).ReadAsync<EnterpriseDto>();
        Assert.Equal(2, moved.Version);
        Assert.Equal([("haidong-incubator", (DateOnly?)new DateOnly(2022, 6, 1), (DateOnly?)new DateOnly(2024, 3, 1)), ("haichuang-centre", new DateOnly(2024, 3, 1), null)],
            moved.ParkHistory.Select(s => (s.ParkCode, s.Since, s.Until)));

        var then = await (await Client.GetAsync($"/api/v1/enterprises/sample-biotech?asOf={Uri.EscapeDataString(beforeMove.ToString("O"))}")).ReadAsync<EnterpriseDto>();
        Assert.Equal(("haidong-incubator", 1), (then.ParkCode, then.Version));

        var early = new DateOnly(2020, 1, 1).ToString("yyyy-MM-dd");
        await (await Client.GetAsync($"/api/v1/enterprises/sample-biotech?asOf={early}")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");
    }

    [Theory]
    [InlineData("91000000MA0000001Q")] // one check character off
    [InlineData("91000000MI0000001R")] // a letter the code never uses
    [InlineData("91000000M0A000001R")] // two characters swapped
    [InlineData("91000000MA0000001")]  // one character short
    public async Task A_wrong_credit_code_is_a_400_naming_the_field_and_nothing_is_written(string creditCode)
    {
        var problem = await (await Client.PostJsonAsync("/api/v1/enterprises", Biotech() with { CreditCode = creditCode }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Contains("creditCode", problem.ErrorFields());
        await (await Client.GetAsync("/api/v1/enterprises/sample-biotech")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");
    }

    [Fact]
    public async Task Facts_that_contradict_each_other_are_a_422_naming_each_and_nothing_is_written()
    {
        var graduatedBeforeIncubation = Biotech() with
        {
            Qualifications = [new QualificationHeld { Kind = Qualification.IncubatingEnterprise, From = new DateOnly(2023, 1, 1), Until = new DateOnly(2022, 12, 1) }],
            Figures = [new EnterpriseYearFigures { Year = 2019, RndSpend = 1 }], // before it was registered in 2021
        };
        var problem = await (await Client.PostJsonAsync("/api/v1/enterprises", graduatedBeforeIncubation))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "enterprise.conflicting-facts");
        Assert.Equal(["figures[0].year", "qualifications[0].until"], problem.ErrorFields().Order());
        await (await Client.GetAsync("/api/v1/enterprises/sample-biotech")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");

        var created = await CreateAsync(Biotech());
        var backwards = await (await PutAsync(created, created with { ParkCode = "haichuang-centre", InParkSince = new DateOnly(2022, 1, 1) }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "enterprise.conflicting-facts");
        Assert.Equal(["inParkSince"], backwards.ErrorFields());
        Assert.Equal(1, (await (await Client.GetAsync("/api/v1/enterprises/sample-biotech")).ReadAsync<EnterpriseDto>()).Version);
    }

    [Fact]
    public async Task Codes_and_credit_codes_are_unique_and_unknown_parks_are_404()
    {
        await CreateAsync(Biotech() with { CreditCode = ValidCreditCode });
        await (await Client.PostJsonAsync("/api/v1/enterprises", Biotech())).ReadProblemAsync(HttpStatusCode.Conflict, "enterprise.code-taken");
        var taken = await (await Client.PostJsonAsync("/api/v1/enterprises", Biotech("other") with { CreditCode = ValidCreditCode }))
            .ReadProblemAsync(HttpStatusCode.Conflict, "enterprise.credit-code-taken");
        Assert.Equal("sample-biotech", taken.GetProperty("enterpriseCode").GetString());
        await (await Client.PostJsonAsync("/api/v1/enterprises", Biotech("third") with { ParkCode = "no-such-park" })).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");

        // A park an enterprise is or was in stays: the enterprise's history names it.
        await (await Client.PostJsonAsync("/api/v1/parks", new Gaoxin.Contracts.Parks.CreateParkRequest
        {
            Code = "sample-new-park", Kind = Gaoxin.Contracts.Parks.ParkKind.Park, ParentCode = "zhanjiang-hitech-zone",
            Names = new LocalizedText { Zh = "示例新园区", En = "Sample new park" }, Descriptions = LocalizedText.Empty,
        })).ReadAsync<Gaoxin.Contracts.Parks.ParkDto>(HttpStatusCode.Created);
        await CreateAsync(Biotech("in-new-park") with { ParkCode = "sample-new-park" });
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/parks/sample-new-park");
        delete.Headers.TryAddWithoutValidation("If-Match", (await ETagAsync("/api/v1/parks/sample-new-park"))!);
        var refused = await (await Client.SendAsync(delete)).ReadProblemAsync(HttpStatusCode.Conflict, "park.has-enterprises");
        Assert.Equal(1, refused.GetProperty("enterpriseCount").GetInt32());
    }

    [Fact]
    public async Task Lists_filter_by_park_subtree_industry_qualification_held_today_and_text_in_either_language()
    {
        await CreateAsync(Biotech());
        await CreateAsync(Biotech("sample-shipyard") with
        {
            Names = new LocalizedText { Zh = "示例船舶装备公司", En = "Sample Shipyard Co" }, ParkCode = "haichuang-centre", Industries = [Industry.MarineEquipmentManufacturing],
            Qualifications = [new QualificationHeld { Kind = Qualification.HighTechEnterprise, From = new DateOnly(2021, 12, 1), Until = new DateOnly(2024, 12, 1) }],
        });

        async Task<string[]> Codes(string query) => (await (await Client.GetAsync("/api/v1/enterprises?" + query)).ReadAsync<EnterprisePage>()).Items.Select(e => e.Code).ToArray();
        Assert.Equal(["china-software", "hongbo-microelectronics", "sample-biotech"], await Codes("park=haidong")); // the incubator lies within Haidong
        Assert.Equal(["sample-shipyard"], await Codes("industry=marineEquipmentManufacturing"));
        Assert.Equal(["sample-biotech"], await Codes("q=生物"));
        Assert.Equal(["sample-shipyard"], await Codes("q=shipyard"));
        Assert.Empty(await Codes("qualification=highTechEnterprise")); // expired on 2024-12-01, before today
    }

    [Fact]
    public async Task A_key_without_the_enterprise_scope_sees_nothing_of_an_enterprise_anywhere_and_a_park_key_only_its_parks()
    {
        await CreateAsync(Biotech());
        const string reader = "gx_readonly_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        const string haichuang = "gx_haichuan_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("reader", reader, ["read", "write", "import"], park: null);
        await Factory.AddKeyAsync("haichuang", haichuang, ["read", "enterprises"], park: "haichuang-centre");
        var plain = Factory.ClientWithKey(reader);
        var anonymous = Factory.ClientWithKey(null);

        foreach (var client in new[] { plain, anonymous })
        {
            foreach (var url in new[] { "/api/v1/enterprises", "/api/v1/enterprises/sample-biotech", "/api/v1/enterprises/sample-biotech/matches",
                         "/api/v1/match-events", "/api/v1/policies/sample-x/measures/y/eligible-enterprises" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{url}: {response.StatusCode}");
                Assert.DoesNotContain("sample-biotech\"", await response.Content.ReadAsStringAsync().ContinueWith(t => t.Result.Replace("/sample-biotech", "")));
            }
            var feed = await (await client.GetAsync("/api/v1/changes?limit=5000")).ReadAsync<ChangePage>();
            Assert.DoesNotContain(feed.Items, c => c.ResourceType == "enterprise");
            Assert.DoesNotContain("示例海洋生物", await (await client.GetAsync("/api/v1/parks/haidong-incubator")).Content.ReadAsStringAsync());
        }
        await (await plain.PostJsonAsync("/api/v1/enterprises", Biotech("by-plain"))).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        Assert.Contains("\"enterprise\"", await Client.GetStringAsync("/api/v1/changes?limit=5000")); // the admin's key does see them

        // A park-limited key with the scope: its parks only, and the others do not exist for it.
        var park = Factory.ClientWithKey(haichuang);
        Assert.Empty((await (await park.GetAsync("/api/v1/enterprises")).ReadAsync<EnterprisePage>()).Items);
        await (await park.GetAsync("/api/v1/enterprises/sample-biotech")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");
        Assert.DoesNotContain((await (await park.GetAsync("/api/v1/changes?limit=5000")).ReadAsync<ChangePage>()).Items, c => c.ResourceType == "enterprise");
    }

    [Fact]
    public async Task A_park_limited_key_writes_enterprises_of_its_parks_only()
    {
        const string haidong = "gx_haidongw_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("haidong-writer", haidong, ["read", "write", "enterprises"], park: "haidong");
        var client = Factory.ClientWithKey(haidong);
        await (await client.PostJsonAsync("/api/v1/enterprises", Biotech())).ReadAsync<EnterpriseDto>(HttpStatusCode.Created); // the incubator lies within Haidong
        await (await client.PostJsonAsync("/api/v1/enterprises", Biotech("elsewhere") with { ParkCode = "haichuang-centre" }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        await (await client.PostJsonAsync("/api/v1/enterprises", Biotech("nowhere") with { ParkCode = null, InParkSince = null }))
            .ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        // CNOOC has no park on record: beyond this key's sight, so not there for it.
        await (await client.GetAsync("/api/v1/enterprises/cnooc")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");
        Assert.Equal(["china-software", "hongbo-microelectronics", "sample-biotech"],
            (await (await client.GetAsync("/api/v1/enterprises")).ReadAsync<EnterprisePage>()).Items.Select(e => e.Code));
    }
}
