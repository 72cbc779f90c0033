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
