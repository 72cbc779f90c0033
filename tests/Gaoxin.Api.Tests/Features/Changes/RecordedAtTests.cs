using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Observations;
using Npgsql;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Changes;

/// <summary>
/// "Recorded at" is when the write committed, in the change feed's order: a transaction that wrote first but
/// committed last is recorded last, so an asOf read of a moment in between never changes afterwards.
/// </summary>
public sealed class RecordedAtTests(ApiFactory factory) : ApiTest(factory)
{
    private const string ZoneFigure = "/api/v1/observations?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone";

    private async Task<ObservationDto> ZoneFigureAsync(string query = "") =>
        Assert.Single((await (await Client.GetAsync(ZoneFigure + query)).ReadAsync<ObservationPage>()).Items);

    [Fact]
    public async Task A_transaction_that_wrote_first_but_committed_last_is_recorded_last_in_feed_order()
    {
        var head = await (await Client.GetAsync("/api/v1/changes/head")).ReadAsync<ChangeFeedHead>();

        // A writer outside the API (psql, a script) changes the zone's figure and keeps its transaction open…
        await using var connection = new NpgsqlConnection(ApiFactory.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        await using (var update = new NpgsqlCommand("""
            update observations o set note = 'written first, committed last', version = o.version + 1
            from indicators i, parks p
            where i.id = o.indicator_id and p.id = o.park_id
              and i.code = 'enterprise-rnd-institutions' and p.code = 'zhanjiang-hitech-zone' and o.period = '2023-03-31'
            """, connection, slow))
        {
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }
        await using (var revision = new NpgsqlCommand("""
            insert into observation_revisions (indicator_id, park_id, period, period_start, period_end, action, version, value,
                                               breakdown, as_of, source_id, note, recorded_at, recorded_by)
            select o.indicator_id, o.park_id, o.period, o.period_start, o.period_end, 'updated', o.version, o.value,
                   o.breakdown, o.as_of, o.source_id, o.note, now(), 'psql'
            from observations o join indicators i on i.id = o.indicator_id join parks p on p.id = o.park_id
            where i.code = 'enterprise-rnd-institutions' and p.code = 'zhanjiang-hitech-zone' and o.period = '2023-03-31'
            """, connection, slow))
        {
            Assert.Equal(1, await revision.ExecuteNonQueryAsync());
        }

        // …while the API writes another figure and commits.
        var quick = await (await PutObservationAsync(Put("incubating-enterprises", "haidong", "2024", 7))).ReadAsync<ObservationDto>(System.Net.HttpStatusCode.Created);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await slow.CommitAsync();

        var slowFigure = await ZoneFigureAsync();
        Assert.True(slowFigure.RecordedAt > quick.RecordedAt, $"{slowFigure.RecordedAt:O} should follow {quick.RecordedAt:O}");
        Assert.True(slowFigure.RecordedAt > between);
        // The write's own answer carried the committed time: a later read under the same ETag says the same.
        var quickNow = Assert.Single((await (await Client.GetAsync("/api/v1/observations?indicator=incubating-enterprises&park=haidong")).ReadAsync<ObservationPage>()).Items);
        Assert.Equal((quick.Version, quick.RecordedAt), (quickNow.Version, quickNow.RecordedAt));

        // The feed lists the quick write first, each change at its figure's recordedAt.
        var feed = (await (await Client.GetAsync($"/api/v1/changes?resourceType=observation&cursor={head.Cursor}")).ReadAsync<ChangePage>()).Items;
        Assert.Equal(["incubating-enterprises/haidong/2024", "enterprise-rnd-institutions/zhanjiang-hitech-zone/2023-03-31"], feed.Select(c => c.Key));
        Assert.Equal([quick.RecordedAt, slowFigure.RecordedAt], feed.Select(c => c.ChangedAt));

        // As of the moment between the two commits, the slow write is not there yet, and never will be, though its
        // revision was written (now()) before that moment.
        var asOfBetween = await ZoneFigureAsync("&asOf=" + Uri.EscapeDataString(between.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz")));
        Assert.Equal(slowFigure.Version - 1, asOfBetween.Version);
    }
}
