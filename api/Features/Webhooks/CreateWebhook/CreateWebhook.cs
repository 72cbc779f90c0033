using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.CreateWebhook;

public sealed record CreateWebhookCommand(CreateWebhookRequest Body) : ICommand<CreatedWebhookDto>;

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookValidator() => RuleFor(c => c.Body).SetValidator(new WebhookFieldsValidator()).OverridePropertyName("");
}

/// <summary>
/// Subscribes the calling key, from the feed's end now: it receives what is committed from here on (redeliver to
/// send earlier events). The signing secret is in the answer once; only its encrypted form is stored.
/// </summary>
public sealed class CreateWebhookHandler(DbSession session, ICaller caller, WebhookTargets targets, WebhookSecrets secrets, TimeProvider clock)
    : IRequestHandler<CreateWebhookCommand, CreatedWebhookDto>
{
    public async Task<CreatedWebhookDto> Handle(CreateWebhookCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var parkId = await WebhookWrites.CheckAsync(session, caller, targets, body, cancellationToken);
        var key = WebhookSigning.NewKey();
        var now = clock.GetUtcNow();
        var id = await session.QuerySingleAsync<string>("""
            insert into webhooks (public_id, owner_key_id, url, description, event_types, park_id, status, secret,
                                  after_batch, after_stream, after_id, next_attempt_at, created_at, updated_at)
            select @publicId, k.id, @Url, @Description, @EventTypes, @parkId, @status, @secret,
                   (select coalesce(max(seq), 0) from change_batches), 1, 9223372036854775807, @now, @now, @now
            from api_keys k where k.name = @owner
            returning public_id
            """, new
            {
                publicId = "wh_" + ApiKeyFormat.Random(16),
                body.Url, Description = body.Description?.Trim(), EventTypes = body.EventTypes.Distinct().ToArray(), parkId,
                status = (body.Active ? WebhookStatus.Active : WebhookStatus.Paused).ToDb(), secret = secrets.Protect(key), now, owner = caller.Name,
            }, cancellationToken);
        var row = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, id, forUpdate: false, cancellationToken);
        return new CreatedWebhookDto { Secret = WebhookSigning.Format(key), Webhook = row!.ToDto(now) };
    }
}
