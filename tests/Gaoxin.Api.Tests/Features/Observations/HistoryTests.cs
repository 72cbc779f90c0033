using System.Net;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Observations;

public sealed class HistoryTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<ObservationPage> SeriesAsync(string query) =>
        await (await Client.GetAsync("/api/v1/observations?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone" + query)).ReadAsync<ObservationPage>();

    /// <summary>
    /// The seed is recorded when the database is reset, i.e. today; the correction comes 30 days later, so that
    /// "as recorded on a day" has days to tell apart.
    /// </summary>
    private static readonly DateOnly CorrectionDay = TestClock.RealToday.AddDays(30);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>The zone's 78 is corrected to 80 on the correction day.</summary>
    private async Task<DateTimeOffset> CorrectTheZoneFigureAsync()
    {
        var recordedAt = Factory.Clock.Set(CorrectionDay);
        var correction = Put("enterprise-rnd-institutions", "zhanjiang-hitech-zone", "2023-03-31", null, ("provincial", 30), ("municipal", 50))
            with { AsOf = new DateOnly(2023, 3, 31), SourceCode = "article-2023-03-31", Note = "Illustrative correction for the test" };
        await (await PutObservationAsync(correction)).ReadAsync<ObservationDto>();
        return recordedAt;
    }

    [Fact]
    public async Task As_of_a_day_before_a_correction_the_old_figure_comes_back()
    {
        await CorrectTheZoneFigureAsync();
        Factory.Clock.Reset();

        var before = Assert.Single((await SeriesAsync("&asOf=" + Day(CorrectionDay.AddDays(-1)))).Items);
        Assert.Equal(78, before.Value);
        Assert.Equal([("provincial", 29m), ("municipal", 49m)], before.Parts());

        var after = Assert.Single((await SeriesAsync("&asOf=" + Day(CorrectionDay))).Items);
        Assert.Equal(80, after.Value);

        var current = Assert.Single((await SeriesAsync("")).Items);
        Assert.Equal(80, current.Value);
        Assert.Equal(2, current.Version);
    }

    [Fact]
    public async Task Nothing_was_recorded_before_the_platform_held_it()
    {
        Assert.Empty((await SeriesAsync("&asOf=2020-01-01")).Items);
    }

    [Fact]
    public async Task The_history_lists_every_change_with_old_and_new_values_who_and_when()
    {
        var correctedAt = await CorrectTheZoneFigureAsync();

        var history = (await (await Client.GetAsync("/api/v1/observations/history?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone&period=2023-03-31"))
            .ReadAsync<ObservationRevisionPage>()).Items;

        Assert.Equal(2, history.Count);
        Assert.Equal(RevisionAction.Created, history[0].Action);
        Assert.Equal("seed", history[0].RecordedBy);
        Assert.Null(history[0].OldValue);
        Assert.Equal(78, history[0].NewValue);
        Assert.Equal(RevisionAction.Updated, history[1].Action);
        Assert.Equal(ApiFactory.TestAdminDisplayName, history[1].RecordedBy);
        Assert.Equal(78, history[1].OldValue);
        Assert.Equal(80, history[1].NewValue);
        Assert.Equal(["provincial", "municipal"], history[1].NewBreakdown.Select(b => b.Member));
        Assert.Equal(correctedAt, history[1].RecordedAt);
        Assert.Equal("Illustrative correction for the test", history[1].Note);
    }

    [Fact]
    public async Task A_deletion_is_kept_in_the_history_and_as_of_earlier_days_the_figure_is_still_there()
    {
        var deletionDay = TestClock.RealToday.AddDays(10);
        Factory.Clock.Set(deletionDay);
        var response = await DeleteObservationAsync("enterprise-rnd-institutions", "zhanjiang-hitech-zone", "2023-03-31", "test");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Factory.Clock.Reset();

        Assert.Empty((await SeriesAsync("")).Items);
        Assert.Equal(78, Assert.Single((await SeriesAsync("&asOf=" + Day(deletionDay.AddDays(-1)))).Items).Value);
        var history = (await (await Client.GetAsync("/api/v1/observations/history?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone&period=2023-03-31"))
            .ReadAsync<ObservationRevisionPage>()).Items;
        Assert.Equal([RevisionAction.Created, RevisionAction.Deleted], history.Select(h => h.Action));
        Assert.Equal(78, history[1].OldValue);
        Assert.Null(history[1].NewValue);

        await (await DeleteObservationAsync("enterprise-rnd-institutions", "zhanjiang-hitech-zone", "2023-03-31"))
            .ReadProblemAsync(HttpStatusCode.NotFound, "observation.not-found");
    }

    [Fact]
    public async Task A_long_history_comes_in_pages_and_each_revision_still_shows_the_value_before_it()
    {
        for (var value = 1; value <= 5; value++)
        {
            await PutObservationAsync(ObservationRequests.Put("incubating-enterprises", "haidong", "2024", value) with { Note = $"revision {value}" });
        }
        var revisions = new List<ObservationRevisionDto>();
        string? cursor = null;
        do
        {
            var page = await (await Client.GetAsync("/api/v1/observations/history?indicator=incubating-enterprises&park=haidong&period=2024&limit=2"
                + (cursor is null ? "" : "&cursor=" + cursor))).ReadAsync<ObservationRevisionPage>();
            Assert.True(page.Items.Count <= 2);
            revisions.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal([1m, 2m, 3m, 4m, 5m], revisions.Select(r => r.NewValue!.Value));
        Assert.Equal([null, 1m, 2m, 3m, 4m], revisions.Select(r => r.OldValue)); // the page boundary loses no "before"
    }
}
