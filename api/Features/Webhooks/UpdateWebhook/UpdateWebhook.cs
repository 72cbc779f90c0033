using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.UpdateWebhook;

public sealed record UpdateWebhookCommand(string Id, UpdateWebhookRequest Body, IfMatch? IfMatch) : ICommand<WebhookDto>;

public sealed class UpdateWebhookValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookValidator()
    {
        RuleFor(c => c.Body).SetValidator(new WebhookFieldsValidator()).OverridePropertyName("");
        RuleFor(c => c.Body.Status).Must(status => status is WebhookStatus.Active or WebhookStatus.Paused).OverridePropertyName("status")
            .WithMessage(_ => Lang.Pick("只能设为 active 或 paused；disabled 由平台设置。", "Only active or paused: disabled is set by the platform."));
    }
}

/// <summary>
/// Replaces the settings. Setting a disabled (or failing) subscription active resumes it at once from where delivery
/// stopped, the failed message first: nothing committed meanwhile is skipped.
/// </summary>
public sealed class UpdateWebhookHandler(DbSession session, ICaller caller, WebhookTargets targets, TimeProvider clock) : IRequestHandler<UpdateWebhookCommand, WebhookDto>
{
    public async Task<WebhookDto> Handle(UpdateWebhookCommand command, CancellationToken cancellationToken)
    {
        var current = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, command.Id, forUpdate: true, cancellationToken)
            ?? throw WebhookErrors.NotFound(command.Id);
        command.IfMatch.Check(current.Version);
        var body = command.Body;
        var parkId = await WebhookWrites.CheckAsync(session, caller, targets, body, cancellationToken);
        var now = clock.GetUtcNow();
        var resume = body.Status == WebhookStatus.Active && current.Status != WebhookStatus.Active;
        await session.ExecuteAsync("""
            update webhooks set url = @Url, description = @Description, event_types = @EventTypes, park_id = @parkId, status = @status,
                disabled_reason = null, disabled_at = null,
                attempt = case when @resume then 0 else attempt end,
                failing_since = case when @resume then null else failing_since end,
                next_attempt_at = case when @resume then @now else next_attempt_at end,
                version = version + 1, updated_at = @now
            where id = @Id
            """, new
            {
                current.Id, body.Url, Description = body.Description?.Trim(), EventTypes = body.EventTypes.Distinct().ToArray(), parkId,
                status = body.Status.ToDb(), resume, now,
            }, cancellationToken);
        await session.ExecuteAsync(WebhookWrites.Wake, null, cancellationToken);
        var row = await WebhookRow.FindAsync(session.Connection, session.Transaction, caller, command.Id, forUpdate: false, cancellationToken);
        return row!.ToDto(now);
    }
}
