using Dapper;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Imports;
using MediatR;

namespace Gaoxin.Api.Features.Imports.StartImport;

/// <summary>
/// Registers an import before its body is read. With an Idempotency-Key, the key is reserved in its own committed
/// transaction, so a second request with the same key sees it at once: running → 409, finished → its stored report.
/// </summary>
public sealed record StartImportCommand(Guid Id, ImportKind Kind, ImportMode Mode, bool DryRun, string? IdempotencyKey, string RequestedBy)
    : ICommand<StartImportResult>;

/// <summary>Either a new import to run, or the earlier import this key already ran (to replay when the body matches).</summary>
public sealed record StartImportResult(Guid Id, bool IsReplay, string? RequestHash);

public sealed class StartImportHandler(DbSession session, TimeProvider clock) : IRequestHandler<StartImportCommand, StartImportResult>
{
    private const string ReleaseExpired = "update imports set idempotency_key = null where idempotency_key = @Key and expires_at < @Now";

    private const string Insert = """
        insert into imports (id, kind, status, dry_run, mode, idempotency_key, requested_by, created_at)
        values (@Id, @Kind, 'running', @DryRun, @Mode, @Key, @RequestedBy, @Now)
        on conflict (idempotency_key) where idempotency_key is not null do nothing
        """;

    private sealed class Existing
    {
        public Guid Id { get; init; }
        public string Status { get; init; } = "";
        public string? RequestHash { get; init; }
    }

    public async Task<StartImportResult> Handle(StartImportCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var parameters = new
        {
            command.Id, Kind = command.Kind.ToDb(), command.DryRun, Mode = command.Mode.ToDb(),
            Key = command.IdempotencyKey, command.RequestedBy, Now = now,
        };
        if (command.IdempotencyKey is not null)
        {
            await session.ExecuteAsync(ReleaseExpired, parameters, cancellationToken);
        }
        if (await session.ExecuteAsync(Insert, parameters, cancellationToken) == 1)
        {
            return new StartImportResult(command.Id, IsReplay: false, RequestHash: null);
        }

        var existing = await session.QuerySingleAsync<Existing>(
            "select id, status, request_hash from imports where idempotency_key = @Key", parameters, cancellationToken);
        return existing.Status == "running"
            ? throw ImportErrors.InProgress(command.IdempotencyKey!)
            : new StartImportResult(existing.Id, IsReplay: true, existing.RequestHash);
    }
}

/// <summary>Stores the report of an import whose rows were not kept (a dry run, a refused atomic import).</summary>
public sealed record SaveImportReportCommand(ImportReportDto Report, string RequestHash, TimeSpan KeyLifetime) : ICommand<Unit>;

public sealed class SaveImportReportHandler(DbSession session) : IRequestHandler<SaveImportReportCommand, Unit>
{
    public const string Sql = """
        update imports set status = 'completed', request_hash = @RequestHash, report = @Report::jsonb,
               finished_at = @FinishedAt, expires_at = @FinishedAt + @KeyLifetime
        where id = @Id
        """;

    public async Task<Unit> Handle(SaveImportReportCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(Sql, Parameters(command.Report, command.RequestHash, command.KeyLifetime), cancellationToken);
        return Unit.Value;
    }

    public static object Parameters(ImportReportDto report, string requestHash, TimeSpan keyLifetime) => new
    {
        report.Id, RequestHash = requestHash, Report = System.Text.Json.JsonSerializer.Serialize(report, ImportEngine.Json),
        FinishedAt = report.FinishedAt!.Value.ToUniversalTime(), KeyLifetime = keyLifetime,
    };
}

/// <summary>Marks an import that could not finish and frees its Idempotency-Key, so the client can simply retry.</summary>
public sealed record FailImportCommand(Guid Id) : ICommand<Unit>;

public sealed class FailImportHandler(DbSession session, TimeProvider clock) : IRequestHandler<FailImportCommand, Unit>
{
    public async Task<Unit> Handle(FailImportCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("update imports set status = 'failed', idempotency_key = null, finished_at = @Now where id = @Id and status = 'running'",
            new { command.Id, Now = clock.GetUtcNow() }, cancellationToken);
        return Unit.Value;
    }
}
