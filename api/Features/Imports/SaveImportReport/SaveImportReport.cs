using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports.SaveImportReport;

/// <summary>Stores the report of an import whose rows were not kept (a dry run, a refused atomic import).</summary>
public sealed record SaveImportReportCommand(ImportReportDto Report) : ICommand<Unit>;

public sealed class SaveImportReportHandler(DbSession session) : IRequestHandler<SaveImportReportCommand, Unit>
{
    public const string Sql = """
        update imports set status = 'completed', report = @Report::jsonb, finished_at = @FinishedAt
        where id = @Id
        """;

    public async Task<Unit> Handle(SaveImportReportCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(Sql, Parameters(command.Report), cancellationToken);
        return Unit.Value;
    }

    public static object Parameters(ImportReportDto report) => new
    {
        report.Id, Report = System.Text.Json.JsonSerializer.Serialize(report, ImportEngine.Json), FinishedAt = report.FinishedAt!.Value.ToUniversalTime(),
    };
}
