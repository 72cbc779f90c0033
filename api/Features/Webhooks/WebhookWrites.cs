using FluentValidation;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Webhooks;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>The rules a subscription's settings follow, on create and on update alike.</summary>
public sealed class WebhookFieldsValidator : AbstractValidator<WebhookFields>
{
    public const int MaxEventTypes = 100;

    public WebhookFieldsValidator()
    {
        RuleFor(f => f.Url).NotEmpty().MaximumLength(2000).Must(BeDeliverableUrl)
            .WithMessage(_ => Lang.Pick("须为完整的 http(s) 地址，不含用户名、密码或 # 片段。", "An absolute http(s) URL, without user name, password or # fragment."));
        RuleFor(f => f.EventTypes).NotEmpty().MustHaveAtMost(MaxEventTypes);
        RuleForEach(f => f.EventTypes).Must(WebhookEventTypes.IsKnown)
            .WithMessage(_ => Lang.Pick("未知的事件类型：可用的类型见 listWebhookEventTypes。", "Unknown event type: listWebhookEventTypes lists them."));
        RuleFor(f => f.ParkCode).MustBeCode().When(f => f.ParkCode is not null);
        RuleFor(f => f.Description!).MaximumLength(500).When(f => f.Description is not null);
    }

    private static bool BeDeliverableUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && uri.Host.Length > 0;
}

/// <summary>What create and update both do with the settings before writing them.</summary>
public static class WebhookWrites
{
    /// <summary>
    /// The park id the subscription is limited to, checked against the caller: a park-limited key subscribes within
    /// its park (by default, its park itself); enterprise and match events need the enterprises scope.
    /// </summary>
    public static async Task<long?> CheckAsync(DbSession session, ICaller caller, WebhookTargets targets, WebhookFields fields, CancellationToken cancellationToken)
    {
        if (fields.EventTypes.FirstOrDefault(WebhookEventTypes.IsPrivate) is { } privateType && !EnterpriseAccess.MayRead(caller))
        {
            throw new ApiException(Problems.AuthInsufficientScope,
                new($"事件类型“{privateType}”涉及企业数据，需要“enterprises”权限。", $"Event type '{privateType}' carries enterprise data: it needs the 'enterprises' scope."),
                new Dictionary<string, object?> { ["requiredScope"] = Scopes.Enterprises });
        }
        long? parkId = caller.ParkScopeId;
        if (fields.ParkCode is { } parkCode)
        {
            parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @parkCode", new { parkCode }, cancellationToken)
                ?? throw ParkErrors.NotFound(parkCode);
            await caller.EnsureWithinAsync(session, parkId.Value, parkCode, cancellationToken);
        }
        await targets.CheckAsync(fields.Url, cancellationToken);
        return parkId;
    }

    /// <summary>Wakes the dispatchers of every API process (they poll as well; this only saves the wait).</summary>
    public const string Wake = "select pg_notify('gaoxin_feed', '')";
}
