using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

/// <summary>A project's completion (no milestone) or one of its milestones: what dependencies point at.</summary>
public readonly record struct Node(string Project, string? Milestone)
{
    public static Node Of(DependencyRef reference) => new(reference.ProjectCode, reference.MilestoneCode);

    public DependencyRef ToRef() => new() { ProjectCode = Project, MilestoneCode = Milestone };

    public override string ToString() => Milestone is null ? Project : $"{Project}/{Milestone}";
}

/// <summary>How a node stands on the day judged, and why.</summary>
public sealed record Judgement(ScheduleStatus Status, Text Reason, DateOnly? DueBy, IReadOnlyList<Node> BlockedBy, DateOnly? ExpectedBy)
{
    public bool Done => Status == ScheduleStatus.Done;

    public ScheduleDto ToDto() => new()
    {
        Status = Status,
        Reason = Lang.Pick(Reason),
        DueBy = DueBy,
        BlockedBy = BlockedBy.Select(b => b.ToRef()).ToList(),
    };
}

/// <summary>
/// The dependency graph over every project and milestone, and the schedule rules judged on it for one day. Written
/// once, used by writes (unknown prerequisites and cycles are refused) and by every read that shows a schedule.
/// <list type="bullet">
/// <item>Due by: the last day its planned date allows, or earlier when something that depends on it is due earlier —
/// works scheduled backwards from a date (倒排) are due by that date even when no date of their own is on record.</item>
/// <item>Done: a project completed by the day; a milestone whose actual date has come.</item>
/// <item>Late: not done, and the day is past its due date.</item>
/// <item>At risk: not late yet, but a prerequisite not done is late or at risk, or is expected after it is due; or its
/// own plan finishes after something that depends on it needs it; or its percent complete is behind (the indicators'
/// rule, <see cref="ProgressRules"/>).</item>
/// <item>Unscheduled: not done and due by no date.</item>
/// </list>
/// </summary>
public sealed class ProjectGraph
{
    private readonly IReadOnlyDictionary<string, ProjectFields> _projects;
    private readonly Dictionary<Node, IReadOnlyList<Node>> _prerequisites = [];

    public ProjectGraph(IReadOnlyDictionary<string, ProjectFields> projects)
    {
        _projects = projects;
        foreach (var (code, project) in projects)
        {
            _prerequisites[new Node(code, null)] = project.DependsOn.Select(Node.Of).Distinct().ToList();
            foreach (var milestone in project.Milestones)
            {
                _prerequisites[new Node(code, milestone.Code)] = milestone.DependsOn.Select(Node.Of).Distinct().ToList();
            }
        }
    }

    public IEnumerable<Node> Nodes => _prerequisites.Keys;

    public bool Contains(Node node) => _prerequisites.ContainsKey(node);

    public IReadOnlyList<Node> PrerequisitesOf(Node node) => _prerequisites.TryGetValue(node, out var list) ? list : [];

    /// <summary>Every dependency that names no project or milestone on record, by the node that names it.</summary>
    public IReadOnlyList<(Node From, Node Missing)> UnknownPrerequisites() =>
        _prerequisites.SelectMany(p => p.Value.Where(n => !Contains(n)).Select(n => (p.Key, n))).ToList();

    /// <summary>One cycle of dependencies, in order (the first node again at the end), or null when there is none.</summary>
    public IReadOnlyList<Node>? FindCycle()
    {
        var state = new Dictionary<Node, int>(); // 1: on the current path, 2: finished
        var path = new List<Node>();
        foreach (var start in _prerequisites.Keys.OrderBy(n => n.ToString(), StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }
        return null;

        List<Node>? Visit(Node node)
        {
            if (state.TryGetValue(node, out var seen))
            {
                return seen == 1 ? [.. path.Skip(path.IndexOf(node)), node] : null;
            }
            state[node] = 1;
            path.Add(node);
            foreach (var next in PrerequisitesOf(node).Where(Contains))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
    }

    /// <summary>Prerequisites before what needs them (the graph must have no cycle).</summary>
    private List<Node> TopologicalOrder()
    {
        var order = new List<Node>();
        var seen = new HashSet<Node>();
        foreach (var node in _prerequisites.Keys.OrderBy(n => n.ToString(), StringComparer.Ordinal))
        {
            Visit(node);
        }
        return order;

        void Visit(Node node)
        {
            if (!seen.Add(node))
            {
                return;
            }
            foreach (var next in PrerequisitesOf(node).Where(Contains))
            {
                Visit(next);
            }
            order.Add(node);
        }
    }

    /// <summary>A project's status on a day, its phases' rolled up when it has no facts of its own.</summary>
    public ProjectStatus StatusOf(string code, DateOnly day) => StatusOf(code, day, []);

    // Writes refuse phases that go round in a circle; a row edited by hand that does is read as having no phases there.
    private ProjectStatus StatusOf(string code, DateOnly day, HashSet<string> above) =>
        ProjectStatusRules.StatusOn(_projects[code], day, !above.Add(code) ? [] :
            _projects.Where(p => p.Value.PhaseOf == code && !above.Contains(p.Key)).Select(p => StatusOf(p.Key, day, [.. above])).ToList());

    public string? PlannedOf(Node node) => node.Milestone is null ? _projects[node.Project].PlannedCompletion : Milestone(node)?.Planned;

    public string? ActualOf(Node node) => node.Milestone is null ? _projects[node.Project].ActualCompletion : Milestone(node)?.Actual;

    private MilestoneFields? Milestone(Node node) => _projects[node.Project].Milestones.FirstOrDefault(m => m.Code == node.Milestone);

    /// <summary>Every node judged for <paramref name="day"/>; <paramref name="percentComplete"/> gives a project's latest percent by then.</summary>
    public IReadOnlyDictionary<Node, Judgement> Judge(DateOnly day, Func<string, decimal?> percentComplete)
    {
        var order = TopologicalOrder();
        var dependents = order.ToDictionary(n => n, _ => new List<Node>());
        foreach (var node in order)
        {
            foreach (var prerequisite in PrerequisitesOf(node).Where(Contains))
            {
                dependents[prerequisite].Add(node);
            }
        }

        // Due dates flow backwards, from what needs a node to the node.
        var due = new Dictionary<Node, (DateOnly? By, Node? NeededBy)>();
        foreach (var node in Enumerable.Reverse(order))
        {
            var own = PartialDates.Last(PlannedOf(node));
            (DateOnly? By, Node? NeededBy) best = (own, null);
            foreach (var dependent in dependents[node])
            {
                if (due[dependent].By is { } by && (best.By is null || by < best.By))
                {
                    best = (by, dependent);
                }
            }
            due[node] = best;
        }

        var judged = new Dictionary<Node, Judgement>();
        foreach (var node in order)
        {
            judged[node] = JudgeOne(node, day, due[node].By, due[node].NeededBy, judged, percentComplete);
        }
        return judged;
    }

    private Judgement JudgeOne(Node node, DateOnly day, DateOnly? dueBy, Node? neededBy, Dictionary<Node, Judgement> judged, Func<string, decimal?> percentComplete)
    {
        var done = node.Milestone is null
            ? StatusOf(node.Project, day) == ProjectStatus.Completed
            : PartialDates.First(ActualOf(node)) is { } reached && reached <= day;
        if (done)
        {
            return new(ScheduleStatus.Done, new("已完成。", "Done."), dueBy, [], null);
        }

        var open = PrerequisitesOf(node).Where(Contains).Where(p => !judged[p].Done).ToList();
        var troubled = open.Where(p => judged[p].Status is ScheduleStatus.Late or ScheduleStatus.AtRisk).ToList();
        // Expected by its own plan (or, with none, when it is needed), not before today once late, nor before its prerequisites.
        var own = PartialDates.Last(PlannedOf(node));
        var expected = new[] { own ?? dueBy, dueBy < day ? day : null }.Concat(open.Select(p => judged[p].ExpectedBy)).Max();
        var dueText = neededBy is { } dependent
            ? new Text($"须于 {dueBy:yyyy-MM-dd} 前完成（按依赖它的“{dependent}”倒排）", $"due by {dueBy:yyyy-MM-dd}, as '{dependent}', which depends on it, is (scheduled backwards)")
            : new Text($"计划于 {dueBy:yyyy-MM-dd} 前完成", $"due by {dueBy:yyyy-MM-dd}");

        if (dueBy is not { } by)
        {
            return new(ScheduleStatus.Unscheduled,
                new("没有计划日期，依赖它的事项也没有：无法判断是否按期。", "No planned date, nor one of anything that depends on it: it cannot be judged on time or late."),
                null, troubled, expected);
        }
        if (day > by)
        {
            return new(ScheduleStatus.Late, new($"{dueText.Zh}，至 {day:yyyy-MM-dd} 仍未完成。", $"{Capitalize(dueText.En)} and not done on {day:yyyy-MM-dd}."), by, troubled, expected);
        }
        if (troubled.Count > 0)
        {
            return new(ScheduleStatus.AtRisk, new($"{dueText.Zh}；前置事项 {string.Join("、", troubled)} 逾期或有风险。",
                $"{Capitalize(dueText.En)}; the prerequisites {string.Join(", ", troubled)} are late or at risk."), by, troubled, expected);
        }
        if (own > by)
        {
            return new(ScheduleStatus.AtRisk, new($"{dueText.Zh}；但计划 {own:yyyy-MM-dd} 前才完成，晚于所需。",
                $"{Capitalize(dueText.En)}, but planned to finish by {own:yyyy-MM-dd}, after it is needed."), by, [], expected);
        }
        var after = open.Where(p => judged[p].ExpectedBy > by).ToList();
        if (after.Count > 0)
        {
            return new(ScheduleStatus.AtRisk, new($"{dueText.Zh}；前置事项 {string.Join("、", after)} 预计晚于此日完成。",
                $"{Capitalize(dueText.En)}; the prerequisites {string.Join(", ", after)} are expected after that."), by, after, expected);
        }
        if (node.Milestone is null && percentComplete(node.Project) is { } percent
            && ProgressRules.Status(percent, by, day) == ProgressStatus.AtRisk)
        {
            return new(ScheduleStatus.AtRisk, new($"{dueText.Zh}；剩余不足 {ProgressRules.AtRiskDays} 天，完成度 {percent}% 低于 {ProgressRules.AtRiskBelowPercent}%。",
                $"{Capitalize(dueText.En)}; {ProgressRules.AtRiskDays} days or fewer left with {percent} % done, under {ProgressRules.AtRiskBelowPercent} %."), by, [], expected);
        }
        return new(ScheduleStatus.OnTrack, new($"{dueText.Zh}，前置事项均无风险。", $"{Capitalize(dueText.En)}; no prerequisite stands in the way."), by, [], expected);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Every prerequisite of <paramref name="target"/>, direct and indirect, with its depth (the shortest way).</summary>
    public IReadOnlyDictionary<Node, int> AllPrerequisites(Node target)
    {
        var depth = new Dictionary<Node, int>();
        var queue = new Queue<(Node Node, int Depth)>(PrerequisitesOf(target).Where(Contains).Select(p => (p, 1)));
        while (queue.TryDequeue(out var next))
        {
            if (depth.TryAdd(next.Node, next.Depth))
            {
                foreach (var p in PrerequisitesOf(next.Node).Where(Contains))
                {
                    queue.Enqueue((p, next.Depth + 1));
                }
            }
        }
        return depth;
    }

    /// <summary>
    /// The chain that finishes last, first prerequisite first and the target last: from the target, the open
    /// prerequisite expected latest (late or at risk before on track, then by code), and so on up the chain.
    /// </summary>
    public static IReadOnlyList<Node> CriticalPath(ProjectGraph graph, Node target, IReadOnlyDictionary<Node, Judgement> judged)
    {
        var path = new List<Node> { target };
        var current = target;
        while (graph.PrerequisitesOf(current).Where(graph.Contains).Where(p => !judged[p].Done)
                   .OrderByDescending(p => judged[p].ExpectedBy ?? DateOnly.MinValue)
                   .ThenBy(p => judged[p].Status switch { ScheduleStatus.Late => 0, ScheduleStatus.AtRisk => 1, _ => 2 })
                   .ThenBy(p => p.ToString(), StringComparer.Ordinal)
                   .Cast<Node?>().FirstOrDefault() is { } next)
        {
            path.Add(next);
            current = next;
        }
        path.Reverse();
        return path;
    }
}
