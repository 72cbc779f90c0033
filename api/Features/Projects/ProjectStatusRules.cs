using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

/// <summary>
/// A project's status on a day: the latest fact on record by then wins — its actual start (under construction), its
/// actual completion (completed), or a status a source stated for a day. With none, it is planned. Facts of the same
/// day rank by how far they go (a completion beats a start).
/// </summary>
public static class ProjectStatusRules
{
    public static ProjectStatus StatusOn(ProjectFields project, DateOnly day)
    {
        var facts = project.StatusReports.Select(r => (Day: r.AsOf, r.Status)).ToList();
        if (PartialDates.First(project.ActualStart) is { } started)
        {
            facts.Add((started, ProjectStatus.UnderConstruction));
        }
        if (PartialDates.First(project.ActualCompletion) is { } completed)
        {
            facts.Add((completed, ProjectStatus.Completed));
        }
        return facts.Where(f => f.Day <= day)
            .OrderBy(f => f.Day).ThenBy(f => Rank(f.Status))
            .Select(f => (ProjectStatus?)f.Status).LastOrDefault() ?? ProjectStatus.Planned;
    }

    private static int Rank(ProjectStatus status) => status switch
    {
        ProjectStatus.Planned => 0,
        ProjectStatus.Preliminary => 1,
        ProjectStatus.UnderConstruction => 2,
        ProjectStatus.Suspended => 3,
        _ => 4,
    };
}
