using Gaoxin.Api.Features.Imports.StartImport;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports.RunImport;

/// <summary>
/// Reads the body and imports it, all in one transaction: the rows and the import's report commit together. When the
/// rows must not be kept (dry run, refused atomic import) the transaction is rolled back and <c>ReportSaved</c> is
/// false: the caller stores the report on its own.
/// </summary>
public sealed record RunImportCommand(Guid Id, ImportOptions Options, Stream Body, string RequestedBy, DateTimeOffset CreatedAt, TimeSpan KeyLifetime)
    : ICommand<RunImportResult>;

public sealed record RunImportResult(ImportReportDto Report, string RequestHash, bool ReportSaved);

public sealed class RunImportHandler(DbSession session, IServiceProvider services, TimeProvider clock, ICaller caller) : IRequestHandler<RunImportCommand, RunImportResult>
{
    public async Task<RunImportResult> Handle(RunImportCommand command, CancellationToken cancellationToken)
    {
        var options = command.Options;
        var tally = new ImportTally { Id = command.Id };
        await using var body = new HashingStream(command.Body);
        try
        {
            await using var rows = await RowReader.OpenAsync(body, options.Format, options.Charset, ImportEngine.Columns(options.Kind), cancellationToken);
            switch (options.Kind)
            {
                case ImportKind.Observations:
                    await new ObservationImporter(session, clock, caller).RunAsync(rows, options, tally, cancellationToken);
                    break;
                case ImportKind.Parks:
                    await services.GetRequiredService<ParkImporter>().RunAsync(rows, options, tally, cancellationToken);
                    break;
                case ImportKind.Indicators:
                    await services.GetRequiredService<IndicatorImporter>().RunAsync(rows, options, tally, cancellationToken);
                    break;
                default:
                    await services.GetRequiredService<PolicyImporter>().RunAsync(rows, options, tally, cancellationToken);
                    break;
            }
            await body.DrainAsync(cancellationToken);
        }
        catch (ImportFormatException e)
        {
            throw ImportErrors.Format(e);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw ImportErrors.Format(new ImportFormatException("import.invalid-encoding",
                "文件含有无效字节：请使用 UTF-8，或以 charset=gb18030 发送 GB18030 编码的文件。",
                "The file holds invalid bytes: send UTF-8, or GB18030 with charset=gb18030."));
        }

        var committed = ImportEngine.ShouldWrite(options, tally);
        var report = ImportEngine.Report(options, tally, committed, command.RequestedBy, command.CreatedAt, clock.GetUtcNow());
        var hash = body.Finish();
        if (!committed)
        {
            session.MarkRollbackOnly();
            return new RunImportResult(report, hash, ReportSaved: false);
        }
        await session.ExecuteAsync(SaveImportReportHandler.Sql, SaveImportReportHandler.Parameters(report, hash, command.KeyLifetime), cancellationToken);
        return new RunImportResult(report, hash, ReportSaved: true);
    }
}
