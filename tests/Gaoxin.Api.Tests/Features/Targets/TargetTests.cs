using System.Net;
using System.Text;
using Gaoxin.Api.Tests.Features.Imports;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Targets;

namespace Gaoxin.Api.Tests.Features.Targets;

/// <summary>
/// Targets as an official uses them: set by PUT or import, judged against the figures, read as a park's scorecard,
/// as of any past moment. Every target here is illustrative (the article sets none): the figures are the seed's.
/// </summary>
public sealed class TargetTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>The zone's enterprise R&amp;D institutions (78 on 2023-03-31 in the seed), at least 100 in 2023, from 60.</summary>
    private static TargetFields ZoneRnd(decimal value = 100) => new()
    {
        IndicatorCode = "enterprise-rnd-institutions", ParkCode = "zhanjiang-hitech-zone", Period = "2023",
        Direction = TargetDirection.AtLeast, Value = value, DueOn = new DateOnly(2023, 12, 31),
        Baseline = new BaselineDto { Value = 60, On = new DateOnly(2023, 1, 1) }, Illustrative = true,
    };

    /// <summary>Haidong's incubator: 18 enterprises in incubation in the seed; at least 25 by the end of 2023, no baseline.</summary>
    private static TargetFields Incubating => new()
    {
        IndicatorCode = "incubating-enterprises", ParkCode = "haidong-incubator", Period = "2023",
        Direction = TargetDirection.AtLeast, Value = 25, DueOn = new DateOnly(2023, 12, 31), Illustrative = true,
    };

    /// <summary>Land acquisition in Haidong for 2024: no figure for that year.</summary>
    private static TargetFields HaidongLand => new()
    {
        IndicatorCode = "land-acquisition-launched", ParkCode = "haidong", Period = "2024",
        Direction = TargetDirection.AtLeast, Value = 8000, DueOn = new DateOnly(2024, 12, 31), Illustrative = true,
    };

    private async Task<TargetDto> PutAsync(TargetFields target, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = System.Net.Http.Json.JsonContent.Create(target, options: Http.Json) };
        var existing = await Client.GetAsync($"/api/v1/targets?indicator={target.IndicatorCode}&park={target.ParkCode}");
        var current = (await existing.ReadAsync<TargetPage>()).Items.FirstOrDefault(i => i.Target.Period == target.Period && i.Target.Member == target.Member);
        if (current is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{current.Target.Version}\"");
        }
        return await (await Client.SendAsync(request)).ReadAsync<TargetDto>(expected);
    }

    private async Task<ScorecardDto> ScorecardAsync(string park, string query) =>
        await (await Client.GetAsync($"/api/v1/parks/{park}/scorecard?{query}")).ReadAsync<ScorecardDto>();

    [Fact]
    public async Task A_target_is_created_replaced_by_its_key_with_if_match_and_keeps_its_history()
    {
        var created = await PutAsync(ZoneRnd());
        Assert.Equal((1, "count", ApiFactory.TestAdminDisplayName), (created.Version, created.Unit.ToString().ToLowerInvariant(), created.RecordedBy));

        using (var blind = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = System.Net.Http.Json.JsonContent.Create(ZoneRnd(120), options: Http.Json) })
        {
            await (await Client.SendAsync(blind)).ReadProblemAsync(HttpStatusCode.PreconditionRequired, "precondition.required");
        }
        var same = await PutAsync(ZoneRnd(), HttpStatusCode.OK);
        Assert.Equal(1, same.Version); // unchanged: no new version
        var raised = await PutAsync(ZoneRnd(120), HttpStatusCode.OK);
        Assert.Equal((2, 120m), (raised.Version, raised.Value));

        var history = (await (await Client.GetAsync("/api/v1/targets/history?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone&period=2023"))
            .ReadAsync<TargetRevisionPage>()).Items;
        Assert.Equal(2, history.Count);
        Assert.Null(history[0].Before);
        Assert.Equal((100m, 120m), (history[1].Before!.Value, history[1].After!.Value));
    }

    [Fact]
    public async Task The_zones_scorecard_says_which_targets_are_at_risk_on_a_day_and_why()
    {
        await PutAsync(ZoneRnd());
        await PutAsync(ZoneRnd() with { Member = "provincial", Value = 29, Baseline = null });
        await PutAsync(Incubating);
        await PutAsync(HaidongLand);

        // In April 2023: 78 of the way from 60 to 100 is 45% done with a quarter of the year gone.
        var april = await ScorecardAsync("zhanjiang-hitech-zone", "on=2023-04-01&includeDescendants=true");
        var rnd = april.Items.Single(i => i.Target.IndicatorCode == "enterprise-rnd-institutions" && i.Target.Member is null);
        Assert.Equal((TargetStatus.OnTrack, 78m, 22m, 0.45m), (rnd.Status, rnd.Actual!.Value, rnd.Gap!.Value, rnd.ShareDone!.Value));
        Assert.Equal("2023-03-31", rnd.ActualPeriod);
        Assert.Contains("45%", rnd.Explanation);
        Assert.Equal(TargetStatus.Achieved, april.Items.Single(i => i.Target.Member == "provincial").Status);
        Assert.Equal(TargetStatus.NoData, april.Items.Single(i => i.Target.IndicatorCode == "land-acquisition-launched").Status);
        Assert.Equal(4, april.Totals.Sum(t => t.Count));

        // In December the same figures lag the time: both at risk (the incubator's 18 of 25 too), first in the card.
        var december = await ScorecardAsync("zhanjiang-hitech-zone", "on=2023-12-01&includeDescendants=true");
        Assert.Equal([TargetStatus.AtRisk, TargetStatus.AtRisk], december.Items.Take(2).Select(i => i.Status));
        Assert.Equal(2, december.Totals.Single(t => t.Status == TargetStatus.AtRisk).Count);

        // After the due date with no newer figure, it is late; the zone's own scorecard leaves Haidong's targets out.
        var february = await ScorecardAsync("zhanjiang-hitech-zone", "on=2024-02-01");
        Assert.Equal(TargetStatus.Late, february.Items.Single(i => i.Target.Member is null).Status);
        Assert.All(february.Items, i => Assert.Equal("zhanjiang-hitech-zone", i.Target.ParkCode));

        var atRisk = await (await Client.GetAsync("/api/v1/targets?status=atRisk&on=2023-12-01")).ReadAsync<TargetPage>();
        Assert.Equal(["enterprise-rnd-institutions/zhanjiang-hitech-zone", "incubating-enterprises/haidong-incubator"],
            atRisk.Items.Select(i => $"{i.Target.IndicatorCode}/{i.Target.ParkCode}"));
    }

    [Fact]
    public async Task Haidongs_scorecard_with_its_sub_parks_reads_in_english_and_pages_of_targets_follow_the_code()
    {
        await PutAsync(Incubating);
        await PutAsync(HaidongLand);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/parks/haidong/scorecard?on=2023-06-30&includeDescendants=true");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var card = await (await Client.SendAsync(request)).ReadAsync<ScorecardDto>();
        var incubating = card.Items.Single(i => i.Target.IndicatorCode == "incubating-enterprises");
        Assert.Equal(TargetStatus.OnTrack, incubating.Status); // 18 of 25 from zero: 72% done, half the year gone
        Assert.StartsWith("The figure is 18", incubating.Explanation);
        Assert.Equal([TargetStatus.NoData, TargetStatus.OnTrack], card.Items.Select(i => i.Status));

        var first = await (await Client.GetAsync("/api/v1/targets?park=haidong&includeDescendants=true&limit=1")).ReadAsync<TargetPage>();
        var second = await (await Client.GetAsync($"/api/v1/targets?park=haidong&includeDescendants=true&limit=1&cursor={first.NextCursor}")).ReadAsync<TargetPage>();
        Assert.Equal(["incubating-enterprises", "land-acquisition-launched"], first.Items.Concat(second.Items).Select(i => i.Target.IndicatorCode));
        Assert.False(second.HasMore);

        var hectares = await (await Client.GetAsync("/api/v1/targets?indicator=land-acquisition-launched&unit=hectare")).ReadAsync<TargetPage>();
        Assert.Equal(Math.Round(8000m * 10000 / 15 / 10000, 6), hectares.Items.Single().Target.Value);
    }

    [Fact]
    public async Task A_past_moment_gives_the_targets_and_figures_recorded_then()
    {
        await PutAsync(ZoneRnd());
        var before = DateTimeOffset.UtcNow;
        await PutAsync(ZoneRnd(200), HttpStatusCode.OK);
        var asOf = Uri.EscapeDataString(before.ToString("yyyy-MM-ddTHH:mm:ss.ffffffzzz"));

        var then = (await ScorecardAsync("zhanjiang-hitech-zone", $"on=2023-04-01&asOf={asOf}")).Items.Single();
        var now = (await ScorecardAsync("zhanjiang-hitech-zone", "on=2023-04-01")).Items.Single();
        Assert.Equal((100m, TargetStatus.OnTrack), (then.Target.Value, then.Status));
        Assert.Equal((200m, TargetStatus.AtRisk), (now.Target.Value, now.Status)); // 78 is 13% of the way from 60 to 200
    }

    [Fact]
    public async Task Targets_reach_the_change_feed_and_the_audit_log_and_a_deletion_keeps_the_history()
    {
        var head = await (await Client.GetAsync("/api/v1/changes/head")).ReadAsync<ChangeFeedHead>();
        var created = await PutAsync(Incubating);

        var feed = (await (await Client.GetAsync($"/api/v1/changes?resourceType=target&park=haidong&cursor={head.Cursor}")).ReadAsync<ChangePage>()).Items;
        Assert.Equal("incubating-enterprises/haidong-incubator/2023", Assert.Single(feed).Key);
        var audit = await (await Client.GetAsync("/api/v1/audit?resourceType=target")).ReadAsync<AuditPage>();
        Assert.Contains(audit.Items, a => a.Key == "incubating-enterprises/haidong-incubator/2023" && a.Action == ChangeAction.Created);

        using (var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/targets?indicator=incubating-enterprises&park=haidong-incubator&period=2023&note=withdrawn"))
        {
            delete.Headers.TryAddWithoutValidation("If-Match", $"\"{created.Version}\"");
            Assert.Equal(HttpStatusCode.NoContent, (await Client.SendAsync(delete)).StatusCode);
        }
        Assert.Empty((await (await Client.GetAsync("/api/v1/targets?park=haidong-incubator")).ReadAsync<TargetPage>()).Items);
        var history = (await (await Client.GetAsync("/api/v1/targets/history?indicator=incubating-enterprises&park=haidong-incubator&period=2023"))
            .ReadAsync<TargetRevisionPage>()).Items;
        Assert.Equal([Contracts.Observations.RevisionAction.Created, Contracts.Observations.RevisionAction.Deleted], history.Select(h => h.Action));
    }

    [Fact]
    public async Task Bad_targets_are_refused_naming_what_is_wrong_and_nothing_is_written()
    {
        async Task<System.Text.Json.JsonElement> Refused(TargetFields target, HttpStatusCode status, string code)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = System.Net.Http.Json.JsonContent.Create(target, options: Http.Json) };
            return await (await Client.SendAsync(request)).ReadProblemAsync(status, code);
        }

        Assert.Equal("no-such-indicator", (await Refused(ZoneRnd() with { IndicatorCode = "no-such-indicator" }, HttpStatusCode.NotFound, "indicator.not-found")).GetProperty("indicatorCode").GetString());
        Assert.Equal("atlantis", (await Refused(ZoneRnd() with { ParkCode = "atlantis" }, HttpStatusCode.NotFound, "park.not-found")).GetProperty("parkCode").GetString());
        Assert.Equal(["member"], (await Refused(ZoneRnd() with { Member = "galactic" }, HttpStatusCode.BadRequest, "request.validation-failed")).ErrorFields());
        Assert.Equal(["dueOn"], (await Refused(ZoneRnd() with { DueOn = new DateOnly(2022, 12, 31), Baseline = null }, HttpStatusCode.BadRequest, "request.validation-failed")).ErrorFields());
        Assert.Equal(["value"], (await Refused(ZoneRnd(10.5m), HttpStatusCode.BadRequest, "request.validation-failed")).ErrorFields());

        await Factory.AddKeyAsync("haidong-writer", "gx_haidongw_wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww", ["read", "write"], park: "haidong");
        using var haidong = Factory.ClientWithKey("gx_haidongw_wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww");
        using var outside = new HttpRequestMessage(HttpMethod.Put, "/api/v1/targets") { Content = System.Net.Http.Json.JsonContent.Create(ZoneRnd(), options: Http.Json) };
        await (await haidong.SendAsync(outside)).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");

        Assert.Equal(0, await CountAsync("targets"));
        await (await Client.GetAsync("/api/v1/parks/atlantis/scorecard")).ReadProblemAsync(HttpStatusCode.NotFound, "park.not-found");
    }

    [Fact]
    public async Task A_targets_file_is_imported_like_the_other_kinds_and_reimports_unchanged()
    {
        const string csv = """
            indicator_code,park_code,period,member,direction,value,due_on,baseline_value,baseline_on,source,note,illustrative
            enterprise-rnd-institutions,zhanjiang-hitech-zone,2023,,atLeast,100,2023-12-31,60,2023-01-01,,示例,true
            incubating-enterprises,haidong-incubator,2023,,atLeast,25,2023-12-31,,,,示例,true
            incubating-enterprises,haidong-incubator,2024,,sideways,30,2024-12-31,,,,示例,true
            """;
        var report = await (await Client.PostAsync("targets", Encoding.UTF8.GetBytes(csv), "text/csv", "mode=rows")).ReportAsync();
        Assert.Equal((2, 1), (report.Created, report.Rejected));
        Assert.Equal((4, "direction"), (report.Problems.Single().Line, report.Problems.Single().Column));

        var again = await (await Client.PostAsync("targets", Encoding.UTF8.GetBytes(csv), "text/csv", "mode=rows")).ReportAsync();
        Assert.Equal((0, 2), (again.Created, again.Unchanged));
    }

    [Fact]
    public async Task The_illustrative_sample_imports_whole_and_every_target_says_it_is_illustrative()
    {
        var file = await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(Policies.PolicySamples.FilePath)!, "targets-illustrative.csv"));
        var report = await (await Client.PostAsync("targets", file, "text/csv")).ReportAsync();
        Assert.Equal((7, 0), (report.Created, report.Rejected));

        var all = await (await Client.GetAsync("/api/v1/targets")).ReadAsync<TargetPage>();
        Assert.Equal(7, all.Items.Count);
        Assert.All(all.Items, i => Assert.True(i.Target.Illustrative));
        Assert.All(all.Items, i => Assert.Contains("示例", i.Target.Note));
    }
}
