using System.Net;
using System.Text;
using Gaoxin.Api.Tests.Features.Imports;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Tests.Features.Projects;

/// <summary>Loading projects in bulk: JSON records with milestones and dependencies, CSV register lines, the same rules as one by one.</summary>
public sealed class ProjectImportTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string SamplePath = Path.Combine(Path.GetDirectoryName(Policies.PolicySamples.FilePath)!, "projects-illustrative.json");

    private const string Header = "code,name_zh,name_en,kind,park_code,phase_of,responsible_code,planned_start,planned_completion,actual_start,actual_completion,source,illustrative";

    [Fact]
    public async Task The_illustrative_projects_import_with_their_milestones_and_a_second_time_change_nothing()
    {
        var json = await File.ReadAllBytesAsync(SamplePath);
        var dry = await (await Client.PostAsync("projects", json, "application/json", "dryRun=true")).ReportAsync();
        Assert.Equal((true, 2), (dry.DryRun, dry.Created));
        await (await Client.GetAsync("/api/v1/projects/sample-substation")).ReadProblemAsync(HttpStatusCode.NotFound, "project.not-found");

        var first = await (await Client.PostAsync("projects", json, "application/json")).ReportAsync();
        Assert.Equal((2, 2, 0), (first.TotalRows, first.Created, first.Rejected));
        var again = await (await Client.PostAsync("projects", json, "application/json")).ReportAsync();
        Assert.Equal((2, 0), (again.Unchanged, again.Created + again.Updated));

        var building = await (await Client.GetAsync("/api/v1/projects/sample-innovation-building?on=2025-04-01")).ReadAsync<ProjectDto>();
        Assert.True(building.Illustrative);
        Assert.Equal(["power-on", "topping-out"], building.Milestones.Select(m => m.Code).Order());
        // The substation, due in December 2024 and not recorded done, is late by April 2025: the power-on milestone waiting on it is late too (due 2025-03).
        Assert.Equal(ScheduleStatus.Late, building.MilestoneSchedules.Single(m => m.Code == "power-on").Schedule.Status);
    }

    [Fact]
    public async Task A_csv_register_line_updates_dates_and_keeps_milestones_and_a_cycle_in_a_file_is_a_rejected_row()
    {
        await (await Client.PostAsync("projects", await File.ReadAllBytesAsync(SamplePath), "application/json")).ReportAsync();
        var csv = Header + "\nsample-innovation-building,,,,,,,,2026-06,,,,\n";
        var report = await (await Client.PostAsync("projects", Encoding.UTF8.GetBytes(csv), "text/csv")).ReportAsync();
        Assert.Equal(1, report.Updated);
        var after = await (await Client.GetAsync("/api/v1/projects/sample-innovation-building")).ReadAsync<ProjectDto>();
        Assert.Equal(("2026-06", 2, "示例创新大楼（示例数据）"), (after.PlannedCompletion, after.Milestones.Count, after.Names.Zh));

        var cycle = """
            {"code": "sample-substation", "names": {"zh": "示例变电站（示例数据）", "en": "Sample substation (illustrative)"}, "kind": "utilities", "parkCode": "haidong", "dependsOn": [{"projectCode": "sample-innovation-building"}], "illustrative": true}
            """;
        var refused = await (await Client.PostAsync("projects", Encoding.UTF8.GetBytes(cycle), "application/x-ndjson")).RejectedReportAsync();
        Assert.Equal((1, 1), (refused.TotalRows, refused.Rejected));
        Assert.Equal("project.dependency-cycle", refused.Problems[0].Code);

        var badDate = Header + "\nsample-new,新项目,New project,road,haidong,,,,2024-13,,,,true\n";
        var rejected = await (await Client.PostAsync("projects", Encoding.UTF8.GetBytes(badDate), "text/csv")).RejectedReportAsync();
        Assert.Equal("planned_completion", rejected.Problems[0].Column);
    }
}
