namespace Gaoxin.Contracts.Imports;

/// <summary>What an import loads. 导入类型。</summary>
public enum ImportKind
{
    Observations,
    Parks,
    Indicators,
    Policies,
    Targets,
    Schemes,
    /// <summary>Enterprises (needs the enterprises scope as well as import).</summary>
    Enterprises,
    /// <summary>Projects: JSON records with milestones, dependencies and funding; CSV register lines.</summary>
    Projects,
}

/// <summary>How rejected rows affect the rest. 导入模式。</summary>
public enum ImportMode
{
    /// <summary>Any rejected row rejects the whole import: nothing is written.</summary>
    Atomic,
    /// <summary>Good rows are written, bad rows are reported.</summary>
    Rows,
}

/// <summary>导入状态。</summary>
public enum ImportStatus
{
    Running,
    Completed,
    Failed,
}

/// <summary>One problem with one row. 行级问题。</summary>
public sealed record ImportProblemDto
{
    /// <summary>The CSV record number counting the header as line 1, the NDJSON line, or the position in a JSON array (from 1).</summary>
    /// <example>7</example>
    public required int Line { get; init; }

    /// <summary>The column (CSV name) the problem is in, when it is in one.</summary>
    /// <example>value</example>
    public string? Column { get; init; }

    /// <summary>Stable code, the same the single-row endpoints use where they have one.</summary>
    /// <example>observation.total-mismatch</example>
    public required string Code { get; init; }

    /// <summary>What is wrong, in the request's language.</summary>
    public required string Message { get; init; }
}

/// <summary>
/// Exactly what happened to every row of an import. Counts are rows (lines), not records: an observation written from
/// three rows (a total and two members) counts three. 导入报告。
/// </summary>
public sealed record ImportReportDto
{
    /// <example>0193c0de-7f1a-7c3e-9a55-6f0b1d2e3a4b</example>
    public required Guid Id { get; init; }

    public required ImportKind Kind { get; init; }

    public required ImportMode Mode { get; init; }

    public required bool DryRun { get; init; }

    public required ImportStatus Status { get; init; }

    /// <summary>True when the created and updated rows were written; false for a dry run or an atomic import with rejected rows.</summary>
    public required bool Committed { get; init; }

    /// <summary>Rows read from the body.</summary>
    public required int TotalRows { get; init; }

    public required int Created { get; init; }

    public required int Updated { get; init; }

    /// <summary>Rows whose figure was already recorded exactly so: nothing was written for them.</summary>
    public required int Unchanged { get; init; }

    public required int Rejected { get; init; }

    /// <summary>The first 1000 problems, by line.</summary>
    public required IReadOnlyList<ImportProblemDto> Problems { get; init; }

    /// <summary>How many problems there were in all.</summary>
    public required int ProblemCount { get; init; }

    /// <summary>Who ran the import.</summary>
    /// <summary>The rounds an import with <c>submit=true</c> submitted (data set, period, park), in that order.</summary>
    public IReadOnlyList<Rounds.SubmittedRoundDto> SubmittedRounds { get; init; } = [];

    public required string RequestedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }
}
