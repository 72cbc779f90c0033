using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.DeleteWebhook;

public sealed record DeleteWebhookCommand(string Id, IfMatch? IfMatch) : ICommand<Unit>;

/// <summary>Ends a subscription and its delivery log; the audit log keeps that it existed.</summary>
public sealed class DeleteWebhookHandler(DbSession session, ICaller caller) : IRequestHandler<DeleteWebhookCommand, Unit>
{
    public async Task<Unit> Handle(DeleteWebhookCommand command, CancellationToken cancellationToken)
    {
        var current = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, command.Id, forUpdate: true, cancellationToken)
            ?? throw WebhookErrors.NotFound(command.Id);
        command.IfMatch.Check(current.Version);
        await session.ExecuteAsync("delete from webhooks where id = @Id", new { current.Id }, cancellationToken);
        return Unit.Value;
    }
}
