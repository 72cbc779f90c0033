using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Policies;

public sealed class PolicyFilterTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<List<string>> IdsAsync(string query)
    {
        var page = await (await Client.GetAsync("/api/v1/policies?limit=100&" + query)).ReadAsync<PolicyPage>();
        return page.Items.Select(p => p.Id).ToList();
    }

    [Theory]
    [InlineData("role=core", new[] { "high-quality-development-opinions" })]
    [InlineData("category=finance", new[] { "sample-loan-interest-subsidy-2023", "sample-loan-interest-subsidy-2024" })]
    [InlineData("status=inForce", new[] { "sample-incubation-support-measures", "sample-loan-interest-subsidy-2024", "sample-rnd-support-measures" })]
    [InlineData("status=repealed", new[] { "sample-loan-interest-subsidy-2023" })]
    [InlineData("inForceOn=2023-03-31", new[] { "sample-loan-interest-subsidy-2023" })]
    [InlineData("issuer=potou-district", new[] { "potou-hundred-thousand-ten-thousand-evaluation-system", "potou-hundred-thousand-ten-thousand-implementation-plan" })]
    [InlineData("role=supporting&industry=marineElectronicInformation&status=inForce", new[] { "sample-incubation-support-measures", "sample-loan-interest-subsidy-2024", "sample-rnd-support-measures" })]
    [InlineData("role=related&park=haichuang-centre", new[] { "potou-hundred-thousand-ten-thousand-evaluation-system", "potou-hundred-thousand-ten-thousand-implementation-plan", "zone-industry-plan", "zone-infrastructure-plan" })]
    [InlineData("role=supporting&park=haichuang-centre", new[] { "sample-loan-interest-subsidy-2023", "sample-loan-interest-subsidy-2024", "sample-rnd-support-measures", "sample-talent-allowance-2022" })]
    public async Task Filters_combine(string query, string[] expected)
    {
        await PolicySamples.LoadAsync(Client);
        Factory.Clock.Set(new DateOnly(2024, 6, 1));
        Assert.Equal(expected, await IdsAsync(query));
    }

    [Fact]
    public async Task Pages_follow_the_cursor_and_count_the_total()
    {
        await PolicySamples.LoadAsync(Client);
        var first = await (await Client.GetAsync("/api/v1/policies?limit=5")).ReadAsync<PolicyPage>();
        var rest = await (await Client.GetAsync("/api/v1/policies?limit=100&cursor=" + first.NextCursor)).ReadAsync<PolicyPage>();
        Assert.Equal(13, first.Total);
        Assert.Equal(13, first.Items.Count + rest.Items.Count);
        Assert.Empty(first.Items.Select(p => p.Id).Intersect(rest.Items.Select(p => p.Id)));
        Assert.Null(rest.NextCursor);
    }

    [Fact]
    public async Task Unknown_park_and_bad_filters_are_refused()
    {
        await (await Client.GetAsync("/api/v1/policies?park=atlantis")).ReadProblemAsync(System.Net.HttpStatusCode.NotFound, "park.not-found");
        await (await Client.GetAsync("/api/v1/policies?status=valid")).ReadProblemAsync(System.Net.HttpStatusCode.BadRequest, "request.invalid-parameter");
        await (await Client.GetAsync("/api/v1/policies?inForceOn=tomorrow")).ReadProblemAsync(System.Net.HttpStatusCode.BadRequest, "request.invalid-parameter");
        await (await Client.GetAsync("/api/v1/policies?limit=101")).ReadProblemAsync(System.Net.HttpStatusCode.BadRequest, "request.validation-failed");
    }
}
