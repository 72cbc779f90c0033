using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Tests.Features.Enterprises;

/// <summary>
/// 免申即享 as the bureau would use it: publish a measure, see with one call which enterprises qualify and why, and let a
/// municipal system following the match feed be told of each newly eligible enterprise exactly once.
/// </summary>
public sealed class EnterpriseMatchTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Policy = "sample-incubation-grants";

    /// <summary>A document in force since 2023 (illustrative, like everything written here).</summary>
    private async Task PublishPolicyAsync()
    {
        var policy = new CreatePolicyRequest
        {
            Id = Policy, Titles = new LocalizedText { Zh = "示例：在孵企业奖励办法", En = "Sample: grants for enterprises in incubation" },
            Bodies = new PolicyBody { Zh = "" }, Role = PolicyRole.Supporting, IssuedOn = new DateOnly(2023, 1, 1), Illustrative = true,
        };
        await (await Client.PostJsonAsync("/api/v1/policies", policy)).ReadAsync<PolicyDto>(HttpStatusCode.Created);
    }

    private static CreateMeasureRequest IncubationGrant => new()
    {
        Code = "incubation-grant", Kind = MeasureKind.Reward, Amount = 10, GrantWithoutApplication = true,
        Titles = new LocalizedText { Zh = "在孵海洋生物医药企业奖励", En = "Grant for marine biomedicine enterprises in incubation" },
        Conditions = new MeasureConditions { Parks = ["haidong"], Industries = [Industry.MarineBiomedicine], Qualifications = [Qualification.IncubatingEnterprise], MinRndSpend = 100 },
    };

    private async Task<MatchEventPage> FollowAsync(string? after) =>
        await (await Client.GetAsync("/api/v1/match-events" + (after is null ? "" : "?after=" + after))).ReadAsync<MatchEventPage>();

    [Fact]
    public async Task A_new_measure_lists_who_qualifies_and_why_in_one_call_and_the_feed_tells_each_newly_eligible_once()
    {
        await PublishPolicyAsync();
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech())).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech("sample-unknown-spend") with { Figures = [] })).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech("sample-shipyard") with { Industries = [Industry.MarineEquipmentManufacturing] })).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        var start = (await FollowAsync(null)).NextCursor;

        await (await Client.PostJsonAsync($"/api/v1/policies/{Policy}/measures", IncubationGrant)).ReadAsync<SupportMeasureDto>(HttpStatusCode.Created);

        var eligible = await (await Client.GetAsync($"/api/v1/policies/{Policy}/measures/incubation-grant/eligible-enterprises")).ReadAsync<EligibleEnterprisePage>();
        // Met first; then those whose data cannot decide yet, most conditions met first (the seeded incubating
        // enterprises have no industry or figures on record); then those that meet some conditions only.
        Assert.Equal([("sample-biotech", MatchStatus.Met, true), ("sample-unknown-spend", MatchStatus.Unknown, false), ("china-software", MatchStatus.Unknown, false),
                ("hongbo-microelectronics", MatchStatus.Unknown, false), ("sample-shipyard", MatchStatus.Partial, false)],
            eligible.Items.Select(i => (i.EnterpriseCode, i.Status, i.Complete)));
        Assert.Equal(1, eligible.Counts["met"]);
        var spend = eligible.Items[0].Conditions.Single(c => c.Kind == ConditionKind.MinRndSpend);
        Assert.Equal((ConditionOutcome.Met, new DateOnly(2022, 12, 31)), (spend.Outcome, spend.FactDate)); // the 2022 figures
        Assert.Equal([ConditionKind.MinRndSpend], eligible.Items[1].Missing);
        var onlyMet = await (await Client.GetAsync($"/api/v1/policies/{Policy}/measures/incubation-grant/eligible-enterprises?status=met")).ReadAsync<EligibleEnterprisePage>();
        Assert.Equal(["sample-biotech"], onlyMet.Items.Select(i => i.EnterpriseCode));

        var events = await FollowAsync(start);
        var newly = Assert.Single(events.Items);
        Assert.Equal((MatchEventKind.NewlyEligible, "sample-biotech", "incubation-grant", (MatchStatus?)null, (MatchStatus?)MatchStatus.Met, true),
            (newly.Kind, newly.EnterpriseCode, newly.MeasureCode, newly.From, newly.To, newly.GrantWithoutApplication));
        Assert.Equal(("示例海洋生物科技有限公司", "在孵海洋生物医药企业奖励"), (newly.EnterpriseName, newly.MeasureTitle)); // names for people, codes for followers

        // Recording the missing figure makes the second one eligible: one event, and reading on from the cursor never repeats the first.
        var unknown = await (await Client.GetAsync("/api/v1/enterprises/sample-unknown-spend")).ReadAsync<EnterpriseDto>();
        using (var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/enterprises/sample-unknown-spend")
               { Content = System.Net.Http.Json.JsonContent.Create(unknown with { Figures = [new EnterpriseYearFigures { Year = 2022, RndSpend = 300 }] }, options: Http.Json) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", $"\"{unknown.Version}\"");
            await (await Client.SendAsync(put)).ReadAsync<EnterpriseDto>();
        }
        var next = await FollowAsync(events.NextCursor);
        Assert.Equal([("sample-unknown-spend", MatchEventKind.NewlyEligible)], next.Items.Select(e => (e.EnterpriseCode, e.Kind)));
        Assert.Empty((await FollowAsync(next.NextCursor)).Items);

        // Changing the measure so that the first no longer qualifies is news too, once.
        var measure = await (await Client.GetAsync($"/api/v1/policies/{Policy}/measures/incubation-grant")).ReadAsync<SupportMeasureDto>();
        using (var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/policies/{Policy}/measures/incubation-grant")
               { Content = System.Net.Http.Json.JsonContent.Create(measure with { Conditions = measure.Conditions with { MinRndSpend = 200 } }, options: Http.Json) })
        {
            put.Headers.TryAddWithoutValidation("If-Match", $"\"{measure.Version}\"");
            await (await Client.SendAsync(put)).ReadAsync<SupportMeasureDto>();
        }
        var after = await FollowAsync(next.NextCursor);
        Assert.Equal([("sample-biotech", MatchEventKind.NoLongerEligible)], after.Items.Select(e => (e.EnterpriseCode, e.Kind)));
    }

    [Fact]
    public async Task An_enterprise_sees_what_it_meets_might_meet_and_partly_meets_with_the_facts_and_what_is_missing()
    {
        await PublishPolicyAsync();
        await (await Client.PostJsonAsync($"/api/v1/policies/{Policy}/measures", IncubationGrant)).ReadAsync<SupportMeasureDto>(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech() with { Figures = [] })).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);

        var matches = await (await Client.GetAsync("/api/v1/enterprises/sample-biotech/matches", "en")).ReadAsync<EnterpriseMatchesDto>();
        var grant = matches.Items.Single(i => i.Measure.Code == "incubation-grant");
        Assert.Equal((MatchStatus.Unknown, 0m, 10m), (grant.Status, matches.MaxTotalSupport, matches.MaxTotalSupportIfUnknownsMet));
        Assert.Equal([ConditionKind.MinRndSpend], grant.Missing);
        var incubating = grant.Conditions.Single(c => c.Kind == ConditionKind.Qualification);
        Assert.Equal((ConditionOutcome.Met, new DateOnly(2022, 6, 1)), (incubating.Outcome, incubating.FactDate));
        Assert.Contains("since 2022-06-01", incubating.Explanation);
        Assert.Equal("Not on record for the enterprise.", grant.Conditions.Single(c => c.Kind == ConditionKind.MinRndSpend).Explanation);

        // Before it entered the incubator it was in no known park and held nothing: the measure does not list.
        var before = await (await Client.GetAsync("/api/v1/enterprises/sample-biotech/matches?on=2022-05-01")).ReadAsync<EnterpriseMatchesDto>();
        Assert.DoesNotContain(before.Items, i => i.Measure.Code == "incubation-grant" && i.Status == MatchStatus.Met);
        await (await Client.GetAsync("/api/v1/enterprises/no-such/matches")).ReadProblemAsync(HttpStatusCode.NotFound, "enterprise.not-found");
        await (await Client.GetAsync($"/api/v1/policies/{Policy}/measures/no-such/eligible-enterprises")).ReadProblemAsync(HttpStatusCode.NotFound, "measure.not-found");
        await (await Client.GetAsync($"/api/v1/policies/{Policy}/measures/incubation-grant/eligible-enterprises?status=maybe")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
    }

    [Fact]
    public async Task What_the_date_alone_changes_reaches_the_feed_once_on_the_day_it_happens()
    {
        Factory.Clock.Set(new DateOnly(2024, 6, 1));
        await PublishPolicyAsync();
        await (await Client.PostJsonAsync($"/api/v1/policies/{Policy}/measures", IncubationGrant)).ReadAsync<SupportMeasureDto>(HttpStatusCode.Created);
        // It enters the incubator tomorrow: not eligible today.
        var tomorrow = new DateOnly(2024, 6, 2);
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech() with
        {
            Qualifications = [new QualificationHeld { Kind = Qualification.IncubatingEnterprise, From = tomorrow }],
        })).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        var start = (await FollowAsync(null)).NextCursor;

        async Task SweepAsync()
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Gaoxin.Api.Infrastructure.Security.CallerContext>().ActAsOperator();
            await scope.ServiceProvider.GetRequiredService<MediatR.IMediator>().Send(new Gaoxin.Api.Features.Enterprises.SweepMatchDay.SweepMatchDayCommand());
        }

        await SweepAsync(); // the same day: nothing to judge
        Assert.Empty((await FollowAsync(start)).Items);

        Factory.Clock.Set(tomorrow);
        await SweepAsync();
        var events = await FollowAsync(start);
        var newly = Assert.Single(events.Items);
        Assert.Equal(("sample-biotech", MatchEventKind.NewlyEligible, tomorrow), (newly.EnterpriseCode, newly.Kind, newly.On));

        await SweepAsync(); // once
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech("sample-other") with { Industries = [] })).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        Assert.DoesNotContain((await FollowAsync(events.NextCursor)).Items, e => e.EnterpriseCode == "sample-biotech");
    }

    [Fact]
    public async Task Renaming_a_park_changes_no_outcome_and_sends_no_event_but_moving_one_out_of_the_measures_park_does()
    {
        await PublishPolicyAsync();
        await (await Client.PostJsonAsync($"/api/v1/policies/{Policy}/measures", IncubationGrant)).ReadAsync<SupportMeasureDto>(HttpStatusCode.Created);
        await (await Client.PostJsonAsync("/api/v1/enterprises", EnterpriseTests.Biotech())).ReadAsync<EnterpriseDto>(HttpStatusCode.Created);
        var start = (await FollowAsync(null)).NextCursor;

        var incubator = await (await Client.GetAsync("/api/v1/parks/haidong-incubator")).ReadAsync<Gaoxin.Contracts.Parks.ParkDto>();
        await PutCurrentAsync("/api/v1/parks/haidong-incubator", incubator with { Names = new LocalizedText { Zh = "海东孵化器（新名）", En = "Haidong incubator (renamed)" } });
        Assert.Empty((await FollowAsync(start)).Items);

        var renamed = await (await Client.GetAsync("/api/v1/parks/haidong-incubator")).ReadAsync<Gaoxin.Contracts.Parks.ParkDto>();
        await PutCurrentAsync("/api/v1/parks/haidong-incubator", renamed with { ParentCode = "haichuang-centre" });
        var moved = await FollowAsync(start);
        Assert.Contains(moved.Items, e => (e.EnterpriseCode, e.Kind) == ("sample-biotech", MatchEventKind.NoLongerEligible));
    }
}
