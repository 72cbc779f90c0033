using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Policies;

public sealed class PolicyCatalogueTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task The_seed_holds_the_core_policy_as_a_draft_and_the_documents_the_article_names_as_related()
    {
        var catalogue = await (await Client.GetAsync("/api/v1/policies/catalogue")).ReadAsync<PolicyCatalogueDto>();

        var core = Assert.Single(catalogue.Cores);
        Assert.Equal("high-quality-development-opinions", core.Policy.Id);
        Assert.Equal("关于促进高新技术产业开发区高质量发展的意见", core.Policy.Title);
        Assert.Equal(PolicyStatus.Draft, core.Policy.Status);
        Assert.Equal("municipal-st-bureau", core.Policy.Issuer?.Code);
        Assert.False(core.Policy.Illustrative);
        Assert.Empty(core.Supporting); // the article names no individual "N" measure
        Assert.Equal(
            ["haidong-first-phase-regulatory-plan", "haidong-industry-development-plan", "haidong-park-planning-study",
             "potou-hundred-thousand-ten-thousand-evaluation-system", "potou-hundred-thousand-ten-thousand-implementation-plan",
             "zone-industry-plan", "zone-infrastructure-plan"],
            catalogue.Related.Select(r => r.Id));
        Assert.All(catalogue.Related, r => Assert.Equal(PolicyStatus.Draft, r.Status));
        Assert.Equal("potou-district", catalogue.Related.Single(r => r.Id == "potou-hundred-thousand-ten-thousand-implementation-plan").Issuer?.Code);
        Assert.Null(catalogue.Related.Single(r => r.Id == "zone-industry-plan").Issuer); // the article names no author
    }

    [Fact]
    public async Task With_the_illustrative_set_the_core_policy_carries_its_N_supporting_documents_and_their_measures()
    {
        await PolicySamples.LoadAsync(Client);
        Factory.Clock.Set(new DateOnly(2024, 6, 1));

        var catalogue = await (await Client.GetAsync("/api/v1/policies/catalogue", "en")).ReadAsync<PolicyCatalogueDto>();

        var core = Assert.Single(catalogue.Cores);
        Assert.Equal("Opinions on Promoting the High-quality Development of High-tech Industrial Development Zones", core.Policy.Title);
        Assert.Equal(5, core.Supporting.Count);
        Assert.All(core.Supporting, s => Assert.True(s.Policy.Illustrative));
        var incubation = core.Supporting.Single(s => s.Policy.Id == "sample-incubation-support-measures");
        Assert.Equal(PolicyStatus.InForce, incubation.Policy.Status);
        Assert.Equal(["rent-reduction", "incubator-accreditation-reward"], incubation.Measures.Select(m => m.Code));
        Assert.Equal(PolicyStatus.Repealed, core.Supporting.Single(s => s.Policy.Id == "sample-loan-interest-subsidy-2023").Policy.Status);
        Assert.Equal(PolicyStatus.Expired, core.Supporting.Single(s => s.Policy.Id == "sample-talent-allowance-2022").Policy.Status);
        Assert.Empty(catalogue.Unattached);
    }
}
