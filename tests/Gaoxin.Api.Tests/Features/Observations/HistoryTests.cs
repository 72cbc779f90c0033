using System.Net;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Observations;

public sealed class HistoryTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<ObservationPage> SeriesAsync(string query) =>
        await (await Client.GetAsync("/api/v1/observations?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone" + query)).ReadAsync<ObservationPage>();

    /// <summary>An instant as asOf takes it (ISO 8601 with its offset).</summary>
    private static string Instant(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"));

    /// <summary>
    /// The zone's 78 is corrected to 80. Returns the real instants just before the request and just after its answer:
    /// the correction is recorded when it commits, in between.
    /// </summary>
    private async Task<(DateTimeOffset Before, DateTimeOffset After)> CorrectTheZoneFigureAsync()
    {
        var before = DateTimeOffset.UtcNow;
        var correction = Put("enterprise-rnd-institutions", "zhanjiang-hitech-zone", "2023-03-31", null, ("provincial", 30), ("municipal", 50))
            with { AsOf = new DateOnly(2023, 3, 31), SourceCode = "article-2023-03-31", Note = "Illustrative correction for the test" };
        await (await PutObservationAsync(correction)).ReadAsync<ObservationDto>();
        return (before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task As_of_a_moment_before_a_correction_the_old_figure_comes_back()
    {
        var (before, after) = await CorrectTheZoneFigureAsync();

        var old = Assert.Single((await SeriesAsync("&asOf=" + Instant(before))).Items);
        Assert.Equal(78, old.Value);
        Assert.Equal([("provincial", 29m), ("municipal", 49m)], old.Parts());

        var corrected = Assert.Single((await SeriesAsync("&asOf=" + Instant(after))).Items);
        Assert.Equal(80, corrected.Value);

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
        var (before, after) = await CorrectTheZoneFigureAsync();

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
        Assert.InRange(history[1].RecordedAt, before, after);
        Assert.Equal("Illustrative correction for the test", history[1].Note);
    }

    [Fact]
    public async Task A_deletion_is_kept_in_the_history_and_as_of_earlier_moments_the_figure_is_still_there()
    {
        var before = DateTimeOffset.UtcNow;
        var response = await DeleteObservationAsync("enterprise-rnd-institutions", "zhanjiang-hitech-zone", "2023-03-31", "test");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        Assert.Empty((await SeriesAsync("")).Items);
        Assert.Equal(78, Assert.Single((await SeriesAsync("&asOf=" + Instant(before))).Items).Value);
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
