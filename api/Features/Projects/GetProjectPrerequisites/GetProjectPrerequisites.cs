using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Projects.GetProjectPrerequisites;

/// <summary>What a project, or one of its milestones, still depends on, judged for a day.</summary>
public sealed record GetProjectPrerequisitesQuery(string Code, string? Milestone, DateOnly? On, DateTimeOffset? AsOf) : IQuery<PrerequisitesDto>;

/// <summary>
/// Every prerequisite up the chain with its schedule, the late ones, and the critical path: "what does the
/// laboratory's move-in still depend on, and which of those are late?" in one answer.
/// </summary>
public sealed class GetProjectPrerequisitesHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetProjectPrerequisitesQuery, PrerequisitesDto>
{
    public async Task<PrerequisitesDto> Handle(GetProjectPrerequisitesQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var book = await ProjectBook.LoadAsync(connection, null, query.AsOf, ProjectDays.Judged(query.On, query.AsOf, clock), cancellationToken);
        if (!book.Rows.ContainsKey(query.Code))
        {
            throw ProjectErrors.NotFound(query.Code);
        }
        var target = new Node(query.Code, query.Milestone);
        if (!book.Graph.Contains(target))
        {
            throw ProjectErrors.MilestoneNotFound(query.Code, query.Milestone!);
        }

        var critical = ProjectGraph.CriticalPath(book.Graph, target, book.Judged);
        var depths = book.Graph.AllPrerequisites(target);
        var prerequisites = depths
            .OrderBy(p => book.Judged[p.Key].Done)
            .ThenBy(p => book.Judged[p.Key].ExpectedBy ?? DateOnly.MaxValue)
            .ThenBy(p => p.Value)
            .ThenBy(p => p.Key.ToString(), StringComparer.Ordinal)
            .Select(p => Describe(book, p.Key, p.Value, critical.Contains(p.Key)))
            .ToList();
        return new PrerequisitesDto
        {
            Of = Describe(book, target, 0, critical: true),
            On = book.On,
            Prerequisites = prerequisites,
            Remaining = depths.Keys.Count(n => !book.Judged[n].Done),
            Late = prerequisites.Where(p => p.Schedule.Status == ScheduleStatus.Late).Select(p => p.Ref).ToList(),
            CriticalPath = critical.Select(n => n.ToRef()).ToList(),
        };
    }

    private static PrerequisiteDto Describe(ProjectBook book, Node node, int depth, bool critical) => new()
    {
        Ref = node.ToRef(),
        Name = book.NameOf(node),
        Depth = depth,
        Planned = book.Graph.PlannedOf(node),
        Actual = book.Graph.ActualOf(node),
        Schedule = book.Judged[node].ToDto(),
        ExpectedBy = book.Judged[node].ExpectedBy,
        Critical = critical,
    };
}
