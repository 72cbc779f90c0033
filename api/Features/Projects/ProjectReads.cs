using System.Data;
using Dapper;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Features.Projects;

/// <summary>A project's row as reads see it, current or as recorded at a moment (asOf).</summary>
public sealed class ProjectRow : SourceColumns
{
    private const string RowColumns = "recorded_time(p.recorded_txid, p.recorded_at) as recorded_at, p.recorded_by, p.park_id, " + SourceColumns.Columns;

    /// <summary>Every current project, as <c>p</c>.</summary>
    public const string Current = $"""
        select p.code, p.content::text as content_json, p.version, {RowColumns}
        from projects p
        left join sources s on s.code = p.content ->> 'sourceCode'
        """;

    /// <summary>Every project as recorded last by <c>@AsOf</c> (deleted ones by then left out).</summary>
    public const string AsOf = $"""
        select * from (
            select distinct on (p.code) p.code, p.content::text as content_json, p.version, {RowColumns}
            from project_versions p
            left join sources s on s.code = p.content ->> 'sourceCode'
            where recorded_time(p.recorded_txid, p.recorded_at) <= @AsOf
            order by p.code, p.version desc) latest
        where content_json is not null
        """;

    public string Code { get; init; } = "";
    public string? ContentJson { get; init; }
    public int Version { get; init; }
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public long? ParkId { get; init; }

    public ProjectFields Content => _content ??= StoredProject.FromJson(ContentJson!);
    private ProjectFields? _content;
}

/// <summary>
/// Every project of the zone (now, or as recorded at asOf) with the graph judged for one day, and what their answers
/// name: parks, organisations, percent complete. Schedules depend on prerequisites anywhere in the zone, so reads load
/// the whole book; the zone's works number in the tens to hundreds, which is one small query each.
/// </summary>
public sealed class ProjectBook
{
    public required IReadOnlyDictionary<string, ProjectRow> Rows { get; init; }
    public required ProjectGraph Graph { get; init; }
    public required IReadOnlyDictionary<Node, Judgement> Judged { get; init; }
    public required DateOnly On { get; init; }
    private ParkNames Parks { get; init; } = null!;
    private IReadOnlyDictionary<string, (string Zh, string En)> Organisations { get; init; } = null!;
    private IReadOnlyDictionary<string, IReadOnlyList<ProgressPoint>> Progress { get; init; } = null!;

    private sealed record ProgressRow(string IndicatorCode, string ParkCode, string Period, DateOnly AsOf, decimal Value, string? SourceCode, string? Note);

    /// <summary>The linked indicators' figures by <c>@On</c>, oldest first: now, or as recorded before <c>@Cutoff</c>.</summary>
    private const string ProgressNow = """
        select i.code as indicator_code, p.code as park_code, o.period, o.as_of, o.value, s.code as source_code, o.note
        from observations o
        join indicators i on i.id = o.indicator_id
        join parks p on p.id = o.park_id
        left join sources s on s.id = o.source_id
        where (i.code || '/' || p.code) = any(@Links) and o.as_of <= @On
        order by o.as_of, o.period_end
        """;

    private static readonly string ProgressAsOf = $"""
        select o.indicator_code, o.park_code, o.period, o.as_of, o.value, o.source_code, o.note
        from ({ObservationRow.Select(asOf: true)}) o
        where (o.indicator_code || '/' || o.park_code) = any(@Links) and o.as_of <= @On
        order by o.as_of, o.period_end
        """;

    public static async Task<ProjectBook> LoadAsync(IDbConnection connection, IDbTransaction? transaction, DateTimeOffset? asOf, DateOnly on, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<ProjectRow>(new CommandDefinition(asOf is null ? ProjectRow.Current : ProjectRow.AsOf,
            new { AsOf = asOf?.ToUniversalTime() }, transaction, cancellationToken: cancellationToken))).ToDictionary(r => r.Code, StringComparer.Ordinal);

        var links = rows.Values.Select(r => r.Content.Progress).OfType<ProgressLink>().Select(l => $"{l.IndicatorCode}/{l.ParkCode}").Distinct().ToArray();
        var progress = links.Length == 0 ? [] : (await connection.QueryAsync<ProgressRow>(new CommandDefinition(asOf is null ? ProgressNow : ProgressAsOf,
            new { Links = links, On = on, Cutoff = asOf?.ToUniversalTime() }, transaction, cancellationToken: cancellationToken))).ToList();
        var histories = progress.GroupBy(p => $"{p.IndicatorCode}/{p.ParkCode}").ToDictionary(g => g.Key, g => (IReadOnlyList<ProgressPoint>)g.Select(p => new ProgressPoint
        {
            Period = p.Period, AsOf = p.AsOf, Percent = p.Value, SourceCode = p.SourceCode, Note = p.Note,
        }).ToList());

        var graph = new ProjectGraph(rows.ToDictionary(r => r.Key, r => r.Value.Content));
        var progressOf = rows.ToDictionary(r => r.Key, r => r.Value.Content.Progress is { } link && histories.TryGetValue($"{link.IndicatorCode}/{link.ParkCode}", out var h) ? h : (IReadOnlyList<ProgressPoint>)[]);
        var organisations = (await connection.QueryAsync<(string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select code, name_zh, name_en from organisations", transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(o => o.Code, o => (o.NameZh, o.NameEn));
        return new ProjectBook
        {
            Rows = rows,
            Graph = graph,
            Judged = graph.Judge(on, code => progressOf[code] is { Count: > 0 } history ? history[^1].Percent : null),
            On = on,
            Parks = await ParkNames.LoadAsync(connection, transaction, cancellationToken),
            Organisations = organisations,
            Progress = progressOf,
        };
    }

    public string NameOf(Node node)
    {
        var project = Rows[node.Project].Content;
        var name = Lang.Pick(project.Names.Zh, project.Names.En);
        return node.Milestone is null || project.Milestones.FirstOrDefault(m => m.Code == node.Milestone) is not { } milestone
            ? name
            : $"{name} · {Lang.Pick(milestone.Names.Zh, milestone.Names.En)}";
    }

    public decimal? PercentOf(string code) => Progress[code] is { Count: > 0 } history ? history[^1].Percent : null;

    public ProjectStatus StatusOf(string code) => Graph.StatusOf(code, On);

    public ProjectDto ToDto(string code)
    {
        var row = Rows[code];
        var c = row.Content;
        return new ProjectDto
        {
            Code = code,
            Name = Lang.Pick(c.Names.Zh, c.Names.En),
            Names = c.Names,
            Descriptions = c.Descriptions,
            Kind = c.Kind,
            ParkCode = c.ParkCode,
            ParkName = c.ParkCode is { } park ? Parks.Name(park) : null,
            PhaseOf = c.PhaseOf,
            ResponsibleCode = c.ResponsibleCode,
            ResponsibleName = c.ResponsibleCode is { } org && Organisations.TryGetValue(org, out var name) ? Lang.Pick(name.Zh, name.En) : null,
            PartnerCodes = c.PartnerCodes,
            PlannedStart = c.PlannedStart,
            PlannedCompletion = c.PlannedCompletion,
            ActualStart = c.ActualStart,
            ActualCompletion = c.ActualCompletion,
            StatusReports = c.StatusReports,
            Progress = c.Progress,
            Milestones = c.Milestones,
            DependsOn = c.DependsOn,
            Funding = c.Funding,
            SourceCode = c.SourceCode,
            Illustrative = c.Illustrative,
            Phases = Rows.Values.Where(r => r.Content.PhaseOf == code).Select(r => r.Code).Order(StringComparer.Ordinal).ToList(),
            On = On,
            Status = StatusOf(code),
            Schedule = Judged[new Node(code, null)].ToDto(),
            ProgressHistory = Progress[code],
            PercentComplete = PercentOf(code),
            MilestoneSchedules = c.Milestones.Select(m => new MilestoneDto
            {
                Code = m.Code,
                Name = Lang.Pick(m.Names.Zh, m.Names.En),
                Names = m.Names,
                Planned = m.Planned,
                Actual = m.Actual,
                DependsOn = m.DependsOn,
                SourceCode = m.SourceCode,
                Schedule = Judged[new Node(code, m.Code)].ToDto(),
            }).ToList(),
            Source = row.ToSourceDto(),
            Version = row.Version,
            RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
            RecordedBy = row.RecordedBy,
        };
    }
}
