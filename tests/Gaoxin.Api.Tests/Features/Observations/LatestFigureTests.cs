using System.Net;
using Dapper;
using Gaoxin.Contracts.Observations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Observations;

/// <summary>
/// The dashboard reads the latest figures from a table the writing statements keep (migration 0024); reads with asOf
/// rebuild them from the history. After random creates, corrections and deletes, the two must agree at every moment.
/// </summary>
public sealed class LatestFigureTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string[] Indicators = ["incubators", "hospitals-grade-2a", "incubating-enterprises"];
    private static readonly string[] Parks = ["haidong", "haidong-incubator", "gdmu-haidong-campus"];
    private static readonly string[] Periods = ["2024", "2024-Q1", "2024-03", "2025-06-30", "2023-03-31"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task The_latest_figures_agree_with_the_history_at_every_moment_after_random_writes_corrections_and_deletes(int seed)
    {
        var random = new Random(seed);
        // The dashboard and series answers are kept between writes (CommittedCache): each read below follows a write,
        // so a kept answer older than it would differ from the history's at that moment.
        const string Series = "/api/v1/observations?indicator=incubators&park=haidong,haidong-incubator,gdmu-haidong-campus";
        var moments = new List<(DateTimeOffset At, string Own, string WithSubParks, string Series)>();
        for (var step = 0; step < 25; step++)
        {
            var (indicator, park, period) = (Indicators[random.Next(Indicators.Length)], Parks[random.Next(Parks.Length)], Periods[random.Next(Periods.Length)]);
            var url = $"/api/v1/observations?indicator={indicator}&park={park}&from={period}&to={period}";
            var exists = (await (await Client.GetAsync(url)).ReadAsync<ObservationPage>()).Items.Any(o => o.Period == period);
            if (exists && random.Next(3) == 0)
            {
                Assert.Equal(HttpStatusCode.NoContent, (await DeleteObservationAsync(indicator, park, period, "随机删除")).StatusCode);
            }
            else
            {
                var body = new PutObservationRequest
                {
                    IndicatorCode = indicator, ParkCode = park, Period = period, Value = random.Next(0, 50),
                    AsOf = new DateOnly(2025, 7, 1), Note = exists ? "随机更正" : null,
                };
                var response = await PutObservationAsync(body);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            }
            moments.Add((await DatabaseNowAsync(),
                await Client.GetStringAsync("/api/v1/parks/haidong/indicators"),
                await Client.GetStringAsync("/api/v1/parks/haidong/indicators?includeDescendants=true"),
                await Client.GetStringAsync(Series)));
        }

        foreach (var (at, own, withSubParks, series) in moments)
        {
            var asOf = Uri.EscapeDataString(at.ToString("O"));
            Assert.Equal(series, await Client.GetStringAsync($"{Series}&asOf={asOf}"));
            Assert.Equal(own, await Client.GetStringAsync($"/api/v1/parks/haidong/indicators?asOf={asOf}"));
            Assert.Equal(withSubParks, await Client.GetStringAsync($"/api/v1/parks/haidong/indicators?includeDescendants=true&asOf={asOf}"));
        }

        // And the table itself is exactly the latest figure of every pair, recomputed from the figures.
        await using var connection = await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var differences = await connection.ExecuteScalarAsync<long>("""
            with kept as (select park_id, indicator_id, id, value, period from latest_observations),
                 recomputed as (
                     select distinct on (park_id, indicator_id) park_id, indicator_id, id, value, period from observations
                     order by park_id, indicator_id, period_end desc, period_start desc)
            select (select count(*) from (select * from kept except select * from recomputed) a)
                 + (select count(*) from (select * from recomputed except select * from kept) b)
            """);
        Assert.Equal(0, differences);
    }

    private async Task<DateTimeOffset> DatabaseNowAsync()
    {
        await using var connection = await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var now = await connection.ExecuteScalarAsync<DateTime>("select clock_timestamp()");
        return new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc));
    }
}
