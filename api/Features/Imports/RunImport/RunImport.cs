using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Features.Imports.SaveImportReport;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports.RunImport;

/// <summary>
/// Reads the spooled body and imports it, all in one transaction: the rows and the import's report commit together.
/// When the rows must not be kept (dry run, refused atomic import) the transaction is rolled back and
/// <c>ReportSaved</c> is false: the caller stores the report on its own.
/// </summary>
public sealed record RunImportCommand(Guid Id, ImportOptions Options, Stream Body, DateTimeOffset CreatedAt) : ICommand<RunImportResult>;

public sealed record RunImportResult(ImportReportDto Report, bool ReportSaved);

public sealed class RunImportHandler(DbSession session, IEnumerable<IImporter> importers, TimeProvider clock, ICaller caller) : IRequestHandler<RunImportCommand, RunImportResult>
{
    public async Task<RunImportResult> Handle(RunImportCommand command, CancellationToken cancellationToken)
    {
        var options = command.Options;
        var importer = importers.Single(i => i.Kind == options.Kind);
        var tally = new ImportTally { Id = command.Id };
        try
        {
            await using var rows = await RowReader.OpenAsync(command.Body, options, importer.ColumnsFor(options.Format), cancellationToken);
            await importer.RunAsync(rows, options, tally, cancellationToken);
        }
        catch (ImportFormatException e)
        {
            throw ImportErrors.Format(e);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw ImportErrors.Format(new ImportFormatException(Problems.ImportInvalidEncoding,
                "文件含有无效字节：请使用 UTF-8，或以 charset=gb18030 发送 GB18030 编码的文件。",
                "The file holds invalid bytes: send UTF-8, or GB18030 with charset=gb18030."));
        }

        var committed = ImportEngine.ShouldWrite(options, tally);
        var report = ImportEngine.Report(options, tally, committed, caller.Name, command.CreatedAt, clock.GetUtcNow());
        if (!committed)
        {
            session.MarkRollbackOnly();
            return new RunImportResult(report, ReportSaved: false);
        }
        await session.ExecuteAsync(SaveImportReportHandler.Sql, SaveImportReportHandler.Parameters(report), cancellationToken);
        return new RunImportResult(report, ReportSaved: true);
    }
}
