using System.Net;
using Gaoxin.Contracts.Changes;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Tests.Features.Projects;

/// <summary>
/// The zone's works as an official asks about them: what the laboratory's move-in still waits for and which of those
/// are late, the works on a timeline, and projects written with their dependencies checked. Projects written here are
/// illustrative; the seed holds only the works the article names.
/// </summary>
public sealed class ProjectTests(ApiFactory factory) : ApiTest(factory)
{
    private const string MoveIn = "/api/v1/projects/zhanjiang-bay-laboratory-haidong/prerequisites?milestone=move-in";

    private static CreateProjectRequest Sample(string code, params DependencyRef[] dependsOn) => new()
    {
        Code = code,
        Names = new LocalizedText { Zh = $"示例项目 {code}", En = $"Sample project {code}" },
        Kind = ProjectKind.Utilities,
        ParkCode = "haidong",
        PlannedCompletion = "2024-06",
        DependsOn = dependsOn,
        Illustrative = true,
    };

    private static DependencyRef On(string project, string? milestone = null) => new() { ProjectCode = project, MilestoneCode = milestone };

    private async Task<ProjectDto> CreateAsync(CreateProjectRequest body) =>
        await (await Client.PostJsonAsync("/api/v1/projects", body)).ReadAsync<ProjectDto>(HttpStatusCode.Created);

    [Fact]
    public async Task The_article_s_works_are_all_there_with_their_dates_at_the_precision_it_gives()
    {
        var page = await (await Client.GetAsync("/api/v1/projects?limit=200&on=2023-03-31")).ReadAsync<ProjectPage>();
        var byCode = page.Items.ToDictionary(p => p.Code);
        Assert.Equal(18, byCode.Count);
        Assert.All(page.Items, p => Assert.Equal(("article-2023-03-31", false), (p.Source?.Code, p.Illustrative)));

        var phase2 = byCode["lab-area-road-network-phase-2"];
        Assert.Equal(("2023-10", ProjectStatus.UnderConstruction, 78m, "lab-area-road-network"), (phase2.PlannedCompletion, phase2.Status, phase2.PercentComplete, phase2.PhaseOf));
        Assert.Equal(ProjectStatus.Completed, byCode["lab-area-road-network-phase-1"].Status);
        Assert.Equal(["lab-area-road-network-phase-1", "lab-area-road-network-phase-2"], byCode["lab-area-road-network"].Phases);
        // The article states nothing of the network as a whole: it stands where its phases do.
        Assert.Equal(ProjectStatus.UnderConstruction, byCode["lab-area-road-network"].Status);
        Assert.Equal("2023-06", byCode["zhanjiang-bay-laboratory-haidong"].Milestones.Single(m => m.Code == "move-in").Planned);
        Assert.Equal("2023-06", byCode["gdmu-affiliated-hospital-haidong"].PlannedCompletion);
        Assert.Equal("2023-09", byCode["gdmu-haidong-campus"].PlannedCompletion);
        Assert.Equal(ProjectStatus.Preliminary, byCode["lab-temporary-sewage-facility"].Status);
        foreach (var code in new[] { "lab-area-sports-park", "lab-area-refuse-transfer-station", "lab-area-fire-station" })
        {
            Assert.Equal(ProjectStatus.Preliminary, byCode[code].Status);
            Assert.Equal((FundingKind.SpecialBonds, FundingState.Sought, (decimal?)null), byCode[code].Funding.Select(f => (f.Kind, f.State, f.Amount)).Single());
        }
        // Before the article, nothing it reports had happened yet.
        var before = await (await Client.GetAsync("/api/v1/projects/lab-area-road-network-phase-1?on=2023-03-30")).ReadAsync<ProjectDto>();
        Assert.Equal(ProjectStatus.Planned, before.Status);
    }

    [Fact]
    public async Task What_the_move_in_still_depends_on_is_one_call_none_late_on_the_article_s_day_and_the_late_ones_named_after_june()
    {
        var then = await (await Client.GetAsync(MoveIn + "&on=2023-03-31")).ReadAsync<PrerequisitesDto>();
        Assert.Equal((ScheduleStatus.OnTrack, (DateOnly?)new DateOnly(2023, 6, 30)), (then.Of.Schedule.Status, then.Of.Schedule.DueBy));
        Assert.Empty(then.Late);
        Assert.Equal(5, then.Prerequisites.Count); // phase I, the utilities, sewage, gas, the apartments' being usable (which waits on sewage and gas: counted once)
        var phase1 = then.Prerequisites.Single(p => p.Ref.ProjectCode == "lab-area-road-network-phase-1");
        Assert.Equal(ScheduleStatus.Done, phase1.Schedule.Status);
        Assert.Equal(4, then.Remaining);
        // Scheduled backwards: a work with no date of its own is due when the move-in needs it.
        Assert.Equal(new DateOnly(2023, 6, 30), then.Prerequisites.Single(p => p.Ref.ProjectCode == "lab-area-utilities").Schedule.DueBy);

        var july = await (await Client.GetAsync(MoveIn + "&on=2023-07-01")).ReadAsync<PrerequisitesDto>();
        Assert.Equal(ScheduleStatus.Late, july.Of.Schedule.Status);
        Assert.Equal(["lab-area-utilities", "lab-temporary-gas-supply-point", "lab-temporary-sewage-facility", "talent-apartments/usable"],
            july.Late.Select(r => r.MilestoneCode is null ? r.ProjectCode : $"{r.ProjectCode}/{r.MilestoneCode}").Order());
        Assert.Equal(("zhanjiang-bay-laboratory-haidong", "move-in"), (july.CriticalPath[^1].ProjectCode, july.CriticalPath[^1].MilestoneCode));
        Assert.True(july.CriticalPath.Count >= 2);
        Assert.DoesNotContain(july.Prerequisites.Where(p => p.Critical), p => p.Schedule.Status == ScheduleStatus.Done);
    }

    [Fact]
    public async Task Once_a_prerequisite_is_recorded_done_it_no_longer_blocks_and_a_late_one_puts_what_waits_at_risk()
    {
        var gasUrl = "/api/v1/projects/lab-temporary-gas-supply-point";
        // Read as judged on another day, and sent back as read: its judgement is compared for that same day.
        var gas = await (await Client.GetAsync(gasUrl + "?on=2023-03-31")).ReadAsync<ProjectDto>();
        await (await PutCurrentAsync(gasUrl, gas with { ActualCompletion = "2023-05" })).ReadAsync<ProjectDto>();
        var may = await (await Client.GetAsync(MoveIn + "&on=2023-05-31")).ReadAsync<PrerequisitesDto>();
        Assert.Equal(ScheduleStatus.Done, may.Prerequisites.Single(p => p.Ref.ProjectCode == "lab-temporary-gas-supply-point").Schedule.Status);

        // A new prerequisite due after the move-in is needed puts the move-in at risk before it is late.
        await CreateAsync(Sample("sample-late-substation") with { PlannedCompletion = "2023-09" });
        var lab = await (await Client.GetAsync("/api/v1/projects/zhanjiang-bay-laboratory-haidong")).ReadAsync<ProjectDto>();
        var changed = lab with
        {
            Milestones = lab.Milestones.Select(m => m with { DependsOn = [.. m.DependsOn, On("sample-late-substation")] }).ToList(),
        };
        await (await PutCurrentAsync("/api/v1/projects/zhanjiang-bay-laboratory-haidong", changed)).ReadAsync<ProjectDto>();
        var april = await (await Client.GetAsync(MoveIn + "&on=2023-04-01")).ReadAsync<PrerequisitesDto>();
        Assert.Equal(ScheduleStatus.AtRisk, april.Of.Schedule.Status);
        Assert.Contains(april.Of.Schedule.BlockedBy, b => b.ProjectCode == "sample-late-substation");
    }

    [Fact]
    public async Task A_dependency_cycle_is_a_422_naming_it_and_nothing_is_written()
    {
        await CreateAsync(Sample("sample-a"));
        await CreateAsync(Sample("sample-b", On("sample-a")));
        var a = await (await Client.GetAsync("/api/v1/projects/sample-a")).ReadAsync<ProjectDto>();
        var problem = await (await PutCurrentAsync("/api/v1/projects/sample-a", a with { DependsOn = [On("sample-b")] }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "project.dependency-cycle");
        Assert.Equal(["sample-a", "sample-b", "sample-a"], problem.GetProperty("cycle").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, (await (await Client.GetAsync("/api/v1/projects/sample-a")).ReadAsync<ProjectDto>()).Version);

        // A project depending on itself is the smallest cycle.
        await (await Client.PostJsonAsync("/api/v1/projects", Sample("sample-self", On("sample-self"))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "project.dependency-cycle");
        await (await Client.GetAsync("/api/v1/projects/sample-self")).ReadProblemAsync(HttpStatusCode.NotFound, "project.not-found");
    }

    [Fact]
    public async Task Unknown_references_and_contradictions_are_422_naming_the_member_and_bad_dates_are_400()
    {
        var problem = await (await Client.PostJsonAsync("/api/v1/projects", Sample("sample-x", On("no-such-project"), On("lab-area-utilities", "no-such-milestone")) with
        {
            ResponsibleCode = "no-such-org",
            Progress = new ProgressLink { IndicatorCode = "national-rnd-institutions", ParkCode = "zhanjiang-hitech-zone" },
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "project.unknown-reference");
        var errors = problem.GetProperty("errors");
        Assert.Equal(2, errors.GetProperty("dependsOn").GetArrayLength());
        Assert.True(errors.TryGetProperty("responsibleCode", out _));
        Assert.True(errors.TryGetProperty("progress.indicatorCode", out _)); // a count, not a progress indicator

        await (await Client.PostJsonAsync("/api/v1/projects", Sample("sample-x") with { PlannedStart = "2024-07", PlannedCompletion = "2024-06" }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "project.conflicting-facts");
        await (await Client.PostJsonAsync("/api/v1/projects", Sample("sample-x") with { PlannedCompletion = "2023-02-30" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.PostJsonAsync("/api/v1/projects", Sample("sample-x") with { PlannedCompletion = "2023-Q2" }))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.GetAsync("/api/v1/projects/sample-x")).ReadProblemAsync(HttpStatusCode.NotFound, "project.not-found");
    }

    [Fact]
    public async Task A_project_others_wait_for_cannot_be_deleted_its_history_stays_readable_and_the_feed_tells()
    {
        await (await DeleteCurrentAsync("/api/v1/projects/lab-temporary-sewage-facility"))
            .ReadProblemAsync(HttpStatusCode.Conflict, "project.has-dependents");

        var created = await CreateAsync(Sample("sample-history"));
        var updated = await (await PutCurrentAsync("/api/v1/projects/sample-history", created with { PlannedCompletion = "2024-12" })).ReadAsync<ProjectDto>();
        Assert.Equal(2, updated.Version);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteCurrentAsync("/api/v1/projects/sample-history")).StatusCode);

        var asOf = Uri.EscapeDataString(created.RecordedAt.ToString("O"));
        var then = await (await Client.GetAsync($"/api/v1/projects/sample-history?asOf={asOf}")).ReadAsync<ProjectDto>();
        Assert.Equal(("2024-06", 1), (then.PlannedCompletion, then.Version));
        await (await Client.GetAsync("/api/v1/projects/sample-history")).ReadProblemAsync(HttpStatusCode.NotFound, "project.not-found");

        var feed = await (await Client.GetAsync("/api/v1/changes?resourceType=project&limit=5000")).ReadAsync<ChangePage>();
        Assert.Equal([ChangeAction.Created, ChangeAction.Updated, ChangeAction.Deleted],
            feed.Items.Where(c => c.Key == "sample-history").Select(c => c.Action));
    }

    [Fact]
    public async Task The_timeline_shows_dated_works_and_their_milestones_in_the_window_and_lists_the_undated_apart()
    {
        var timeline = await (await Client.GetAsync("/api/v1/projects/timeline?park=haidong&from=2023-01-01&to=2023-12-31&on=2023-03-31")).ReadAsync<ProjectTimeline>();
        var moveIn = timeline.Items.Single(i => i.Ref.MilestoneCode == "move-in");
        Assert.Equal((new DateOnly(2023, 6, 30), "2023-06", ScheduleStatus.OnTrack), (moveIn.End!.Value, moveIn.Planned, moveIn.Schedule));
        Assert.Equal(5, moveIn.DependsOn.Count);
        var phase2 = timeline.Items.Single(i => i.Ref.ProjectCode == "lab-area-road-network-phase-2");
        Assert.Equal((new DateOnly(2023, 10, 31), 78m), (phase2.End!.Value, phase2.PercentComplete));
        Assert.Contains(timeline.Undated, u => u.Ref.ProjectCode == "lab-area-sports-park");
        // The hospital is the zone's, not Haidong Park's: not in this park's timeline.
        Assert.DoesNotContain(timeline.Items.Concat(timeline.Undated), i => i.Ref.ProjectCode == "gdmu-affiliated-hospital-haidong");

        await (await Client.GetAsync("/api/v1/projects/timeline?from=2024-01-01&to=2023-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
    }

    [Fact]
    public async Task Lists_filter_by_schedule_status_and_due_window_and_a_park_key_writes_only_its_parks()
    {
        var late = await (await Client.GetAsync("/api/v1/projects?schedule=late&on=2023-07-01&dueTo=2023-06-30")).ReadAsync<ProjectPage>();
        Assert.Contains(late.Items, p => p.Code == "gdmu-affiliated-hospital-haidong");
        Assert.All(late.Items, p => Assert.Equal(ScheduleStatus.Late, p.Schedule.Status));
        Assert.All(late.Items, p => Assert.True(p.Schedule.DueBy <= new DateOnly(2023, 6, 30)));

        const string haichuang = "gx_haichuan_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        await Factory.AddKeyAsync("haichuang-writer", haichuang, ["read", "write"], park: "haichuang-centre");
        var park = Factory.ClientWithKey(haichuang);
        await (await park.PostJsonAsync("/api/v1/projects", Sample("sample-outside"))).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        await (await park.PostJsonAsync("/api/v1/projects", Sample("sample-zone") with { ParkCode = null })).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        Assert.Equal(HttpStatusCode.Created, (await park.PostJsonAsync("/api/v1/projects", Sample("sample-inside") with { ParkCode = "haichuang-centre" })).StatusCode);
    }
}
