using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports.StartImport;

/// <summary>Registers an import as running, committed on its own, so its report can be asked for while it runs.</summary>
public sealed record StartImportCommand(Guid Id, ImportKind Kind, ImportMode Mode, bool DryRun, DateTimeOffset CreatedAt) : ICommand<Unit>;

public sealed class StartImportHandler(DbSession session, ICaller caller) : IRequestHandler<StartImportCommand, Unit>
{
    public async Task<Unit> Handle(StartImportCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("""
            insert into imports (id, kind, status, dry_run, mode, requested_by, created_at)
            values (@Id, @Kind, 'running', @DryRun, @Mode, @RequestedBy, @CreatedAt)
            """, new { command.Id, Kind = command.Kind.ToDb(), command.DryRun, Mode = command.Mode.ToDb(), RequestedBy = caller.Name, command.CreatedAt }, cancellationToken);
        return Unit.Value;
    }
}

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

/// <summary>Marks an import that could not finish.</summary>
public sealed record FailImportCommand(Guid Id) : ICommand<Unit>;

public sealed class FailImportHandler(DbSession session, TimeProvider clock) : IRequestHandler<FailImportCommand, Unit>
{
    public async Task<Unit> Handle(FailImportCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("update imports set status = 'failed', finished_at = @Now where id = @Id and status = 'running'",
            new { command.Id, Now = clock.GetUtcNow() }, cancellationToken);
        return Unit.Value;
    }
}
