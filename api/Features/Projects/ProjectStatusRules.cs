using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

/// <summary>
/// A project's status on a day: the latest fact on record by then wins — its actual start (under construction), its
/// actual completion (completed), or a status a source stated for a day. Facts of the same day rank by how far they
/// go (a completion beats a start). With none of its own, a project made of phases stands where its phases do
/// (completed when all are, under construction when one has started, preliminary when one is in preliminary work);
/// otherwise it is planned.
/// </summary>
public static class ProjectStatusRules
{
    public static ProjectStatus StatusOn(ProjectFields project, DateOnly day, IReadOnlyList<ProjectStatus> phases)
    {
        if (OwnStatusOn(project, day) is { } own)
        {
            return own;
        }
        if (phases.Count == 0)
        {
            return ProjectStatus.Planned;
        }
        if (phases.All(p => p == ProjectStatus.Completed))
        {
            return ProjectStatus.Completed;
        }
        if (phases.Any(p => p is ProjectStatus.UnderConstruction or ProjectStatus.Completed))
        {
            return ProjectStatus.UnderConstruction;
        }
        return phases.Any(p => p == ProjectStatus.Preliminary) ? ProjectStatus.Preliminary : ProjectStatus.Planned;
    }

    /// <summary>The status its own facts give by that day; null when it has none by then.</summary>
    public static ProjectStatus? OwnStatusOn(ProjectFields project, DateOnly day)
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
            .Select(f => (ProjectStatus?)f.Status).LastOrDefault();
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
