using System.Net;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Policies;

public sealed class PolicyMatchTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>An incubating marine-biomedicine enterprise in Haidong's incubator, registered two years before the day.</summary>
    private static PolicyMatchRequest IncubatingMarineBiomedicineEnterprise(DateOnly? day = null) => new()
    {
        Profile = new EnterpriseProfile
        {
            ParkCode = "haidong-incubator",
            Industry = Industry.MarineBiomedicine,
            Qualifications = [Qualification.IncubatingEnterprise],
            Headcount = 12,
            RegisteredOn = new DateOnly(2022, 6, 1),
        },
        Date = day ?? new DateOnly(2024, 6, 1),
    };

    private async Task<PolicyMatchResult> MatchAsync(PolicyMatchRequest request, string language = "zh-CN")
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/policy-matches") { Content = System.Net.Http.Json.JsonContent.Create(request, options: Http.Json) };
        message.Headers.AcceptLanguage.ParseAdd(language);
        return await (await Client.SendAsync(message)).ReadAsync<PolicyMatchResult>();
    }

    [Fact]
    public async Task One_call_says_which_measures_in_force_an_incubating_marine_biomedicine_enterprise_in_haidong_may_claim()
    {
        await PolicySamples.LoadAsync(Client);

        var result = await MatchAsync(IncubatingMarineBiomedicineEnterprise());

        Assert.Equal(new DateOnly(2024, 6, 1), result.Date);
        Assert.Equal(
            [("rent-reduction", Eligibility.Eligible), ("incubator-accreditation-reward", Eligibility.Eligible),
             ("marine-biomedicine-platform-reward", Eligibility.PossiblyEligible),
             ("loan-interest-subsidy", Eligibility.NotEligible), ("rnd-spend-subsidy", Eligibility.NotEligible)],
            result.Items.Select(i => (i.Measure.Code, i.Eligibility)));
        // The expired talent allowance and the superseded 2023 loan rules are not in force on the day.
        Assert.DoesNotContain(result.Items, i => i.Policy.Id is "sample-talent-allowance-2022" or "sample-loan-interest-subsidy-2023");
        Assert.Equal(130, result.MaxTotalSupport);              // 30 (rent cap) + 100 (reward)
        Assert.Equal(180, result.MaxTotalSupportIfUnknownsMet); // + 50 if its R&D spend is high enough
    }

    [Fact]
    public async Task Each_condition_is_marked_met_not_met_or_unknown_with_a_reason()
    {
        await PolicySamples.LoadAsync(Client);
        var result = await MatchAsync(IncubatingMarineBiomedicineEnterprise(), "en");

        var rent = result.Items.Single(i => i.Measure.Code == "rent-reduction");
        Assert.Equal(
            [(ConditionKind.Park, ConditionOutcome.Met), (ConditionKind.Qualification, ConditionOutcome.Met), (ConditionKind.MaxYearsRegistered, ConditionOutcome.Met)],
            rent.Conditions.Select(c => (c.Kind, c.Outcome)));
        Assert.Equal("Registered in: Haidong Park (or a park within)", rent.Conditions[0].Requirement);

        var platform = result.Items.Single(i => i.Measure.Code == "marine-biomedicine-platform-reward");
        var spend = platform.Conditions.Single(c => c.Kind == ConditionKind.MinRndSpend);
        Assert.Equal(ConditionOutcome.Unknown, spend.Outcome);
        Assert.Equal("The profile does not say.", spend.Explanation);

        var subsidy = result.Items.Single(i => i.Measure.Code == "rnd-spend-subsidy");
        Assert.Equal(ConditionOutcome.NotMet, subsidy.Conditions.Single(c => c.Kind == ConditionKind.Qualification).Outcome);
        Assert.Equal(ConditionOutcome.Met, subsidy.Conditions.Single(c => c.Kind == ConditionKind.Industry).Outcome);
    }

    [Fact]
    public async Task An_empty_profile_leaves_every_condition_unknown_and_claims_only_unconditional_measures()
    {
        await PolicySamples.LoadAsync(Client);
        var result = await MatchAsync(new PolicyMatchRequest { Profile = new EnterpriseProfile(), Date = new DateOnly(2024, 6, 1) });

        Assert.All(result.Items.SelectMany(i => i.Conditions), c => Assert.Equal(ConditionOutcome.Unknown, c.Outcome));
        Assert.All(result.Items, i => Assert.Equal(Eligibility.PossiblyEligible, i.Eligibility));
        Assert.Equal(0, result.MaxTotalSupport);
    }

    [Fact]
    public async Task The_answer_is_deterministic_and_follows_the_day()
    {
        await PolicySamples.LoadAsync(Client);
        var first = await (await Client.PostJsonAsync("/api/v1/policy-matches", IncubatingMarineBiomedicineEnterprise())).Content.ReadAsStringAsync();
        var second = await (await Client.PostJsonAsync("/api/v1/policy-matches", IncubatingMarineBiomedicineEnterprise())).Content.ReadAsStringAsync();
        Assert.Equal(first, second);

        // Once registered three full years ("未满三年" no longer holds) the rent reduction stops; from 2031 the incubation measures have expired.
        var later = await MatchAsync(IncubatingMarineBiomedicineEnterprise(new DateOnly(2025, 6, 2)));
        Assert.Equal(Eligibility.NotEligible, later.Items.Single(i => i.Measure.Code == "rent-reduction").Eligibility);
        var expired = await MatchAsync(IncubatingMarineBiomedicineEnterprise(new DateOnly(2031, 1, 1)));
        Assert.DoesNotContain(expired.Items, i => i.Measure.Code == "rent-reduction");
    }

    [Fact]
    public async Task An_unknown_park_in_the_profile_is_404_and_a_bad_profile_400()
    {
        var unknown = IncubatingMarineBiomedicineEnterprise() with { Profile = new EnterpriseProfile { ParkCode = "atlantis" } };
        await (await Client.PostJsonAsync("/api/v1/policy-matches", unknown)).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");

        var negative = IncubatingMarineBiomedicineEnterprise() with { Profile = new EnterpriseProfile { Headcount = -1 } };
        var problem = await (await Client.PostJsonAsync("/api/v1/policy-matches", negative)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["profile.headcount"], problem.ErrorFields());
    }

    [Fact]
    public async Task Pages_of_a_match_follow_one_another_in_the_full_answers_order_with_totals_for_all_of_it()
    {
        await PolicySamples.LoadAsync(Client);
        var request = IncubatingMarineBiomedicineEnterprise();
        var all = await MatchAsync(request);

        var paged = new List<MeasureMatch>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = "/api/v1/policy-matches?limit=2" + (cursor is null ? "" : "&cursor=" + cursor);
            var page = await (await Client.PostJsonAsync(url, request)).ReadAsync<PolicyMatchResult>();
            Assert.True(page.Items.Count <= 2);
            Assert.Equal((all.Total, all.Eligible, all.PossiblyEligible, all.MaxTotalSupport), (page.Total, page.Eligible, page.PossiblyEligible, page.MaxTotalSupport));
            paged.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(all.Items.Select(m => (m.Policy.Id, m.Measure.Code, m.Eligibility)), paged.Select(m => (m.Policy.Id, m.Measure.Code, m.Eligibility)));
        Assert.Equal(all.Total, all.Items.Count);
        Assert.Equal((all.Total + 1) / 2, pages);
        Assert.Equal(all.Items.Count(m => m.Eligibility == Eligibility.Eligible), all.Eligible);
        Assert.Null(all.NextCursor);

        await (await Client.PostJsonAsync("/api/v1/policy-matches?limit=0", request)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.PostJsonAsync("/api/v1/policy-matches?limit=2&cursor=not-a-cursor", request)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
    }
}
