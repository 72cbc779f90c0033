using System.Text.Json;
using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>What every kind of import shares: whether to write, and the stored report.</summary>
public static class ImportEngine
{
    /// <summary>A dry run writes nothing; an atomic import writes only when no row was rejected.</summary>
    public static bool ShouldWrite(ImportOptions options, ImportTally tally) =>
        !options.DryRun && (options.Mode == ImportMode.Rows || tally.Rejected == 0);

    public static ImportReportDto Report(ImportOptions options, ImportTally tally, bool committed, string requestedBy, DateTimeOffset createdAt, DateTimeOffset finishedAt) => new()
    {
        Id = tally.Id,
        Kind = options.Kind,
        Mode = options.Mode,
        DryRun = options.DryRun,
        Status = ImportStatus.Completed,
        Committed = committed,
        TotalRows = tally.TotalRows,
        Created = tally.Created,
        Updated = tally.Updated,
        Unchanged = tally.Unchanged,
        Rejected = tally.Rejected,
        Problems = tally.ProblemsByLine(),
        ProblemCount = tally.ProblemCount,
        SubmittedRounds = tally.SubmittedRounds,
        RequestedBy = requestedBy,
        CreatedAt = createdAt,
        FinishedAt = finishedAt,
    };

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Infrastructure.Json.JsonSetup.Apply(options);
        return options;
    }
}
