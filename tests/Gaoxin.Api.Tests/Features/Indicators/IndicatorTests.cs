using System.Net;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using Gaoxin.Api.Tests.Features.Observations;

namespace Gaoxin.Api.Tests.Features.Indicators;

public sealed class IndicatorTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<IndicatorDto> GetAsync(string code, string language = "zh-CN") =>
        await (await Client.GetAsync($"/api/v1/indicators/{code}", language)).ReadAsync<IndicatorDto>();

    [Fact]
    public async Task A_seeded_definition_carries_its_breakdown_and_rule_in_both_languages()
    {
        var zh = await GetAsync("enterprise-rnd-institutions");
        Assert.Equal("企业研发机构", zh.Name);
        Assert.Equal(IndicatorCategory.InnovationResources, zh.Category);
        Assert.Equal(ValueKind.Count, zh.ValueKind);
        Assert.Equal(Aggregation.Sum, zh.Aggregation);
        Assert.True(zh.TotalEqualsBreakdown);
        Assert.Equal("accreditationLevel", zh.Breakdown?.Code);
        Assert.Equal(["国家级", "省级", "市级"], zh.Breakdown!.Members.Select(m => m.Name));

        var en = await GetAsync("road-network-phase-2-progress", "en");
        Assert.Equal("Road network phase II progress", en.Name);
        Assert.Equal(ValueKind.Progress, en.ValueKind);
        Assert.Equal(new DateOnly(2023, 10, 31), en.PlannedCompletion);
    }

    [Theory]
    [InlineData("category=publicServices", new[] { "hospitals-grade-2a", "international-schools", "key-senior-high-schools", "primary-and-junior-schools", "secondary-schools-under-construction" })]
    [InlineData("category=land", new[] { "land-acquisition-launched" })]
    [InlineData("q=孵化", new[] { "incubating-enterprises", "incubators" })]
    [InlineData("q=maker", new[] { "maker-spaces" })]
    public async Task The_list_filters_by_category_and_text(string query, string[] expected)
    {
        var page = await (await Client.GetAsync("/api/v1/indicators?" + query)).ReadAsync<IndicatorPage>();
        Assert.Equal(expected, page.Items.Select(i => i.Code));
    }

    [Fact]
    public async Task All_17_seeded_indicators_page_through_in_code_order()
    {
        var first = await (await Client.GetAsync("/api/v1/indicators?limit=10")).ReadAsync<IndicatorPage>();
        var second = await (await Client.GetAsync("/api/v1/indicators?limit=10&cursor=" + first.NextCursor)).ReadAsync<IndicatorPage>();
        var codes = first.Items.Concat(second.Items).Select(i => i.Code).ToList();
        Assert.Equal(17, codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task A_created_indicator_takes_observations_under_its_rule()
    {
        var created = await (await Client.PostJsonAsync("/api/v1/indicators", IndicatorRequests.HighTechEnterprises())).ReadAsync<IndicatorDto>(HttpStatusCode.Created);
        Assert.Equal("高新技术企业", created.Name);

        await (await PutObservationAsync(ObservationRequests.Put("high-tech-enterprises", "haidong", "2024", 10, ("national", 4), ("provincial", 5))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "observation.total-mismatch");
        var ok = await (await PutObservationAsync(ObservationRequests.Put("high-tech-enterprises", "haidong", "2024", 9, ("national", 4), ("provincial", 5))))
            .ReadAsync<ObservationDto>(HttpStatusCode.Created);
        Assert.Equal(9, ok.Value);
    }

    [Fact]
    public async Task Invalid_definitions_are_400_with_the_fields_named()
    {
        var invalid = IndicatorRequests.HighTechEnterprises("Bad Code") with
        {
            Unit = IndicatorUnit.Hectare,
            PlannedCompletion = new DateOnly(2030, 1, 1),
            Breakdown = null,
        };
        var problem = await (await Client.PostJsonAsync("/api/v1/indicators", invalid)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["code", "plannedCompletion", "totalEqualsBreakdown", "unit"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_taken_code_is_409()
    {
        await (await Client.PostJsonAsync("/api/v1/indicators", IndicatorRequests.HighTechEnterprises("incubators")))
            .ReadProblemAsync(HttpStatusCode.Conflict, "indicator.code-taken");
    }

    [Fact]
    public async Task An_update_with_observations_cannot_change_the_unit_or_drop_a_member_in_use()
    {
        var incubators = await GetAsync("incubators");

        await (await PutCurrentAsync("/api/v1/indicators/incubators", incubators with { ValueKind = ValueKind.Amount, Unit = IndicatorUnit.TenThousandYuan }))
            .ReadProblemAsync(HttpStatusCode.Conflict, "indicator.unit-locked");

        var withoutMunicipal = incubators with
        {
            Breakdown = incubators.Breakdown! with
            {
                Members = incubators.Breakdown!.Members.Where(m => m.Code != "municipal").ToList(),
            },
        };
        var problem = await (await PutCurrentAsync("/api/v1/indicators/incubators", withoutMunicipal)).ReadProblemAsync(HttpStatusCode.Conflict, "indicator.member-in-use");
        Assert.Equal(["municipal"], problem.GetProperty("members").EnumerateArray().Select(m => m.GetString()));

        var renamed = await (await PutCurrentAsync("/api/v1/indicators/incubators",
            incubators with { Names = new LocalizedText { Zh = "科技企业孵化器（更名）", En = "Incubators (renamed)" } })).ReadAsync<IndicatorDto>();
        Assert.Equal(incubators.Version + 1, renamed.Version);
        Assert.Equal("科技企业孵化器（更名）", renamed.Name);
    }

    [Fact]
    public async Task Deleting_an_indicator_is_refused_while_it_has_observations_and_for_good_once_it_has_history()
    {
        var problem = await (await DeleteCurrentAsync("/api/v1/indicators/incubators")).ReadProblemAsync(HttpStatusCode.Conflict, "indicator.has-observations");
        Assert.Equal(1, problem.GetProperty("observationCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await DeleteObservationAsync("incubators", "zhanjiang-hitech-zone", "2023-03-31")).StatusCode);
        var history = await (await DeleteCurrentAsync("/api/v1/indicators/incubators")).ReadProblemAsync(HttpStatusCode.Conflict, "indicator.has-history");
        Assert.Equal(2, history.GetProperty("revisionCount").GetInt32()); // recorded, then deleted
        var revisions = await Client.GetStringAsync("/api/v1/observations/history?indicator=incubators&park=zhanjiang-hitech-zone&period=2023-03-31");
        Assert.Contains("deleted", revisions); // the history is still readable by the indicator's code

        // An indicator that never had a figure goes.
        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync("/api/v1/indicators", IndicatorRequests.HighTechEnterprises())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteCurrentAsync("/api/v1/indicators/high-tech-enterprises")).StatusCode);
        await (await Client.GetAsync("/api/v1/indicators/high-tech-enterprises")).ReadProblemAsync(HttpStatusCode.NotFound, "indicator.not-found");
    }

    [Fact]
    public async Task Comparing_parks_gives_each_parks_own_figure_in_the_order_asked()
    {
        await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haichuang-centre", "2023-03-31", 3));

        var comparison = await (await Client.GetAsync("/api/v1/indicators/incubating-enterprises/compare?parks=haichuang-centre,haidong-incubator,haidong&period=2023-03-31"))
            .ReadAsync<IndicatorComparisonDto>();

        Assert.Equal(["haichuang-centre", "haidong-incubator", "haidong"], comparison.Items.Select(i => i.ParkCode));
        Assert.Equal([3m, 18m, null], comparison.Items.Select(i => i.Value));
        Assert.Equal("海东园区", comparison.Items[2].ParkName);

        await (await Client.GetAsync("/api/v1/indicators/incubating-enterprises/compare?parks=haidong,atlantis")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        await (await Client.GetAsync("/api/v1/indicators/incubating-enterprises/compare")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
    }
}
