using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>Options of one import request.</summary>
/// <param name="Submit">After writing observations, submit every round they belong to (with the same checks as the submit endpoint).</param>
public sealed record ImportOptions(ImportKind Kind, ImportFormat Format, string? Charset, bool DryRun, ImportMode Mode, int MaxRows, int MaxRecordBytes, bool Submit = false);

/// <summary>The running tally of an import: counts and the first problems, each message in the request's language.</summary>
public sealed class ImportTally
{
    public const int MaxProblems = 1000;

    private readonly List<ImportProblemDto> _problems = [];

    public Guid Id { get; init; }
    public int TotalRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int ProblemCount { get; private set; }
    public IReadOnlyList<ImportProblemDto> Problems => _problems;
    public List<Contracts.Rounds.SubmittedRoundDto> SubmittedRounds { get; } = [];

    public void Problem(int line, string? column, ProblemKind kind, Text message)
    {
        ProblemCount++;
        if (_problems.Count < MaxProblems)
        {
            _problems.Add(new ImportProblemDto { Line = line, Column = column, Code = kind.Code, Message = Lang.Pick(message) });
        }
    }

    /// <summary>Problems arrive by stage (parsing, then rules checked over the whole file); the report lists them by line.</summary>
    public IReadOnlyList<ImportProblemDto> ProblemsByLine() => _problems.OrderBy(p => p.Line).ThenBy(p => p.Column, StringComparer.Ordinal).ToList();
}
