using Dapper;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

/// <summary>What create, update and delete do before they write: check every fact and the whole graph.</summary>
public static class ProjectWrites
{
    /// <summary>
    /// Project writes take this lock to their commit: two writers each adding one harmless-looking dependency could
    /// together close a cycle that neither saw. Writes to projects are rare; reads never take it.
    /// </summary>
    private const long GraphLock = 7147483001;

    public static Task LockGraphAsync(DbSession session, CancellationToken cancellationToken) =>
        session.ExecuteAsync("select pg_advisory_xact_lock(@GraphLock)", new { GraphLock }, cancellationToken);

    /// <summary>Whether the key may write a project where it is now: in its park subtree, or any key without a park limit.</summary>
    public static async Task EnsureMayWriteAsync(DbSession session, ICaller caller, long? parkId, string? parkCode, CancellationToken cancellationToken)
    {
        if (parkId is { } park)
        {
            await caller.EnsureWithinAsync(session, park, parkCode!, cancellationToken);
        }
        else if (caller.ParkScopeId is not null)
        {
            throw OnlyItsParks();
        }
    }

    private static ApiException OnlyItsParks() => new(Problems.AuthOutsideParkScope, new Text(
        "此 API 密钥仅限于部分园区：只能写入其园区的项目，请在 parkCode 中给出其中之一。",
        "This API key is limited to some parks: it writes projects of those parks only; give one of them as parkCode."));

    /// <summary>Every project's content as committed, under the graph lock.</summary>
    public static async Task<Dictionary<string, ProjectFields>> AllAsync(DbSession session, CancellationToken cancellationToken) =>
        (await session.Connection.QueryAsync<(string Code, string Content)>(new CommandDefinition("select code, content::text from projects",
            transaction: session.Transaction, cancellationToken: cancellationToken)))
        .ToDictionary(p => p.Code, p => StoredProject.FromJson(p.Content), StringComparer.Ordinal);

    /// <summary>
    /// Checks the project against the database and the rest of the graph (parks, organisations, the progress
    /// indicator and sources exist; the key may write in the park; every prerequisite exists; no cycle) and returns
    /// the columns to write. Call under <see cref="LockGraphAsync"/>.
    /// </summary>
    public static async Task<ProjectColumns> ColumnsAsync(DbSession session, ICaller caller, string code, ProjectFields fields,
        Dictionary<string, ProjectFields> all, CancellationToken cancellationToken)
    {
        var project = StoredProject.Normalise(fields);
        long? parkId = null;
        if (project.ParkCode is { } parkCode)
        {
            parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parkCode", new { parkCode }, cancellationToken)
                ?? throw ParkErrors.NotFound(parkCode);
        }
        await EnsureMayWriteAsync(session, caller, parkId, project.ParkCode, cancellationToken);

        var contradictions = ProjectRules.Contradictions(code, project);
        if (contradictions.Count > 0)
        {
            throw ProjectErrors.ConflictingFacts(contradictions);
        }

        all[code] = project;
        var unknown = await UnknownReferencesAsync(session, project, all, cancellationToken);
        var graph = new ProjectGraph(all);
        foreach (var (from, missing) in graph.UnknownPrerequisites().Where(u => u.From.Project == code))
        {
            var member = from.Milestone is null ? "dependsOn" : $"milestones[{from.Milestone}].dependsOn";
            unknown[member] = [.. unknown.GetValueOrDefault(member, []), Lang.Pick($"“{missing}”不存在。", $"'{missing}' does not exist.")];
        }
        if (unknown.Count > 0)
        {
            throw ProjectErrors.UnknownReferences(unknown);
        }
        if (graph.FindCycle() is { } cycle)
        {
            throw ProjectErrors.Cycle(cycle);
        }
        if (PhaseCycle(code, all) is { } phases)
        {
            throw ProjectErrors.Cycle(phases);
        }

        return new ProjectColumns(code, project.Names.Zh, project.Names.En, project.Kind.ToDb(), parkId, StoredProject.ToJson(project), project.Illustrative, caller.DisplayName);
    }

    /// <summary>What depends on a project or its milestones, or is a phase of it: a deletion would leave them pointing at nothing.</summary>
    public static IReadOnlyList<Node> Dependents(string code, IReadOnlyDictionary<string, ProjectFields> all)
    {
        var graph = new ProjectGraph(all);
        return graph.Nodes.Where(n => n.Project != code && graph.PrerequisitesOf(n).Any(p => p.Project == code))
            .Concat(all.Where(p => p.Key != code && p.Value.PhaseOf == code).Select(p => new Node(p.Key, null)))
            .Distinct().OrderBy(n => n.ToString(), StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<Node>? PhaseCycle(string code, IReadOnlyDictionary<string, ProjectFields> all)
    {
        var chain = new List<string> { code };
        for (var current = all[code].PhaseOf; current is not null && all.TryGetValue(current, out var parent); current = parent.PhaseOf)
        {
            chain.Add(current);
            if (current == code)
            {
                return chain.Select(c => new Node(c, null)).ToList();
            }
            if (chain.Count > all.Count + 1)
            {
                return null;
            }
        }
        return null;
    }

    private static async Task<Dictionary<string, string[]>> UnknownReferencesAsync(DbSession session, ProjectFields project,
        IReadOnlyDictionary<string, ProjectFields> all, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string member, string name) => errors[member] = [.. errors.GetValueOrDefault(member, []), Lang.Pick($"“{name}”不存在。", $"'{name}' does not exist.")];

        if (project.PhaseOf is { } parent && !all.ContainsKey(parent))
        {
            Add("phaseOf", parent);
        }
        var organisations = new[] { project.ResponsibleCode }.Concat(project.PartnerCodes).OfType<string>().Distinct().ToArray();
        var knownOrganisations = (await session.Connection.QueryAsync<string>(new CommandDefinition("select code from organisations where code = any(@organisations)",
            new { organisations }, session.Transaction, cancellationToken: cancellationToken))).ToHashSet();
        if (project.ResponsibleCode is { } responsible && !knownOrganisations.Contains(responsible))
        {
            Add("responsibleCode", responsible);
        }
        foreach (var partner in project.PartnerCodes.Where(p => !knownOrganisations.Contains(p)))
        {
            Add("partnerCodes", partner);
        }

        if (project.Progress is { } link)
        {
            var kind = await session.ExecuteScalarAsync<string?>("select value_kind from indicators where code = @IndicatorCode", new { link.IndicatorCode }, cancellationToken);
            if (kind is null)
            {
                Add("progress.indicatorCode", link.IndicatorCode);
            }
            else if (kind is not ("progress" or "percent"))
            {
                errors["progress.indicatorCode"] = [Lang.Pick($"指标“{link.IndicatorCode}”不是进度或百分比指标。", $"The indicator '{link.IndicatorCode}' is not a progress or percent indicator.")];
            }
            if (await session.ExecuteScalarAsync<long?>("select id from parks where code = @ParkCode", new { link.ParkCode }, cancellationToken) is null)
            {
                Add("progress.parkCode", link.ParkCode);
            }
        }

        var sources = new[] { project.SourceCode }
            .Concat(project.StatusReports.Select(r => r.SourceCode))
            .Concat(project.Milestones.Select(m => m.SourceCode))
            .Concat(project.Funding.Select(f => f.SourceCode))
            .OfType<string>().Distinct().ToArray();
        var knownSources = (await session.Connection.QueryAsync<string>(new CommandDefinition("select code from sources where code = any(@sources)",
            new { sources }, session.Transaction, cancellationToken: cancellationToken))).ToHashSet();
        foreach (var source in sources.Where(s => !knownSources.Contains(s)))
        {
            Add("sourceCode", source);
        }
        return errors;
    }
}

/// <summary>The columns a project's insert and update bind.</summary>
public sealed record ProjectColumns(string Code, string NameZh, string NameEn, string Kind, long? ParkId, string Content, bool Illustrative, string RecordedBy)
{
    public DateTimeOffset RecordedAt { get; init; }
}
