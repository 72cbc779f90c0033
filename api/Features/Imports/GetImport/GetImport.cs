using Gaoxin.Api.Infrastructure.Database;
using System.Text.Json;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports.GetImport;

public sealed record GetImportQuery(Guid Id) : IQuery<ImportReportDto>;

/// <summary>An import's report, for the key that ran it and for admins: who imported what is not public.</summary>
public sealed class GetImportHandler(ReadDatabase db, ICaller caller) : IRequestHandler<GetImportQuery, ImportReportDto>
{
    private sealed class Row
    {
        public Guid Id { get; init; }
        public ImportKind Kind { get; init; }
        public ImportMode Mode { get; init; }
        public bool DryRun { get; init; }
        public ImportStatus Status { get; init; }
        public string RequestedBy { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public DateTime? FinishedAt { get; init; }
        public string? Report { get; init; }
    }

    public async Task<ImportReportDto> Handle(GetImportQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            select id, kind, mode, dry_run, status, requested_by, created_at, finished_at, report::text as report from imports
            where id = @Id and (@IsAdmin or requested_by = @Caller)
            """,
            new { query.Id, IsAdmin = caller.Scopes.Contains(Scopes.Admin), Caller = caller.Name }, cancellationToken: cancellationToken))
            ?? throw ImportErrors.NotFound(query.Id); // another key's import is "not found": not even its existence is told

        // A running or failed import has no report yet: answer with what is known.
        return row.Report is not null
            ? JsonSerializer.Deserialize<ImportReportDto>(row.Report, ImportEngine.Json)!
            : new ImportReportDto
            {
                Id = row.Id, Kind = row.Kind, Mode = row.Mode, DryRun = row.DryRun, Status = row.Status, Committed = false,
                TotalRows = 0, Created = 0, Updated = 0, Unchanged = 0, Rejected = 0, Problems = [], ProblemCount = 0,
                RequestedBy = row.RequestedBy,
                CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
                FinishedAt = row.FinishedAt is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null,
            };
    }
}
