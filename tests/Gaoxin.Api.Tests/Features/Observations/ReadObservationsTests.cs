using System.Net;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Observations;

public sealed class ReadObservationsTests(ApiFactory factory) : ApiTest(factory)
{
    [Theory]
    [InlineData("mu", 5000)]
    [InlineData("hectare", 333.333333)]
    [InlineData("squareMetre", 3333333.333333)]
    public async Task Area_figures_convert_between_mu_hectare_and_square_metres(string unit, double expected)
    {
        var figure = Assert.Single((await (await Client.GetAsync($"/api/v1/observations?indicator=land-acquisition-launched&unit={unit}")).ReadAsync<ObservationPage>()).Items);
        Assert.Equal((decimal)expected, figure.Value);
        Assert.Equal(unit, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(figure.Unit.ToString()));
    }

    [Fact]
    public async Task Incompatible_units_are_a_clear_400()
    {
        var problem = await (await Client.GetAsync("/api/v1/observations?indicator=incubators&unit=hectare", "en"))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "unit.incompatible");
        Assert.Equal("count", problem.GetProperty("unit").GetString());
        Assert.Equal("hectare", problem.GetProperty("requestedUnit").GetString());
        Assert.Contains("cannot convert", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_series_is_ordered_by_park_and_period_and_pages_follow_the_cursor()
    {
        foreach (var (period, value) in new[] { ("2024-03", 20m), ("2023", 10m), ("2024-Q1", 15m), ("2024-01-15", 12m) })
        {
            await (await PutObservationAsync(Put("incubating-enterprises", "haidong-incubator", period, value))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await Client.GetAsync("/api/v1/observations?indicator=incubating-enterprises&park=haidong-incubator&limit=2"
                + (cursor is null ? "" : "&cursor=" + cursor))).ReadAsync<ObservationPage>();
            seen.AddRange(page.Items.Select(o => o.Period));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        // By start date: the year 2023, the day 2023-03-31 (the seed), then Q1 2024 before the day inside it.
        Assert.Equal(["2023", "2023-03-31", "2024-Q1", "2024-01-15", "2024-03"], seen);

        var ranged = await (await Client.GetAsync("/api/v1/observations?indicator=incubating-enterprises&from=2024-Q1&to=2024-03")).ReadAsync<ObservationPage>();
        Assert.Equal(["2024-Q1", "2024-01-15", "2024-03"], ranged.Items.Select(o => o.Period));
    }

    [Fact]
    public async Task Unknown_codes_in_reads_are_404_and_bad_parameters_400()
    {
        await (await Client.GetAsync("/api/v1/observations?indicator=unicorns")).ReadProblemAsync(HttpStatusCode.NotFound, "indicator.not-found");
        await (await Client.GetAsync("/api/v1/observations?indicator=incubators&park=haidong,atlantis")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
        var problem = await (await Client.GetAsync("/api/v1/observations?indicator=incubators&from=soon&limit=0")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Equal(["from", "limit"], problem.ErrorFields());
        await (await Client.GetAsync("/api/v1/observations?indicator=incubators&asOf=yesterday")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
        await (await Client.GetAsync("/api/v1/observations")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
    }
}
