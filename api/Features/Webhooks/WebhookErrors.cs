using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>The webhook problems clients can act on; each code is stable and listed in the README.</summary>
public static class WebhookErrors
{
    public static ApiException NotFound(string id) => new(Problems.WebhookNotFound,
        new Text($"订阅 {id} 不存在，或不属于此 API 密钥。", $"Webhook {id} does not exist, or is not this API key's to manage."),
        new Dictionary<string, object?> { ["webhookId"] = id });

    public static ApiException EventNotFound(string eventId) => new(Problems.WebhookEventNotFound,
        new Text($"事件“{eventId}”不存在。", $"Event '{eventId}' does not exist."),
        new Dictionary<string, object?> { ["eventId"] = eventId });

    public static ApiException TargetNotAllowed(string host, string address, Text kind) => new(Problems.WebhookTargetNotAllowed,
        new Text($"不能向“{host}”投递：它解析为 {address}，这是{kind.Zh}。如确需投递到内网，请运维人员在 Webhooks:AllowedNetworks 中放行该网段。",
            $"Cannot deliver to '{host}': it resolves to {address}, {kind.En}. If an internal target is really meant, an operator allows its network in Webhooks:AllowedNetworks."),
        new Dictionary<string, object?> { ["targetAddress"] = address });

    public static ApiException HttpsRequired(string host) => new(Problems.WebhookTargetNotAllowed,
        new Text($"“{host}”的地址须使用 https：事件内容不应明文传输。", $"The URL for '{host}' must use https: events must not travel in clear text."));

    public static ApiException Unresolvable(string host) => new(Problems.WebhookTargetUnresolvable,
        new Text($"无法解析主机名“{host}”：请检查地址。", $"Host name '{host}' cannot be resolved: check the URL."));
}
