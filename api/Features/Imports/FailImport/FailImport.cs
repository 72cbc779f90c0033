using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using MediatR;

namespace Gaoxin.Api.Features.Imports.FailImport;

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
