using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.RotateWebhookSecret;

public sealed record RotateWebhookSecretCommand(string Id, RotateWebhookSecretRequest Body) : ICommand<WebhookSecretDto>;

public sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecretCommand>
{
    public RotateWebhookSecretValidator() => RuleFor(c => c.Body.OverlapHours).InclusiveBetween(0, 168).OverridePropertyName("overlapHours");
}

/// <summary>
/// A new secret, shown once. During the overlap every message is signed with both (Standard Webhooks' space-separated
/// signatures), so a receiver can switch to the new secret whenever it is ready; a rotation after a leak uses 0.
/// </summary>
public sealed class RotateWebhookSecretHandler(DbSession session, ICaller caller, WebhookSecrets secrets, TimeProvider clock)
    : IRequestHandler<RotateWebhookSecretCommand, WebhookSecretDto>
{
    public async Task<WebhookSecretDto> Handle(RotateWebhookSecretCommand command, CancellationToken cancellationToken)
    {
        var webhook = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, command.Id, forUpdate: true, cancellationToken)
            ?? throw WebhookErrors.NotFound(command.Id);
        var key = WebhookSigning.NewKey();
        var now = clock.GetUtcNow();
        DateTimeOffset? until = command.Body.OverlapHours > 0 ? now.AddHours(command.Body.OverlapHours) : null;
        await session.ExecuteAsync("""
            update webhooks set previous_secret = case when @until is null then null else secret end, previous_secret_until = @until,
                secret = @secret, version = version + 1, updated_at = @now
            where id = @Id
            """, new { webhook.Id, until, secret = secrets.Protect(key), now }, cancellationToken);
        return new WebhookSecretDto { Secret = WebhookSigning.Format(key), PreviousSecretExpiresAt = until };
    }
}
