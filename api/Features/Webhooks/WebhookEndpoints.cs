using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Webhooks.CreateWebhook;
using Gaoxin.Api.Features.Webhooks.DeleteWebhook;
using Gaoxin.Api.Features.Webhooks.DeliverWebhooks;
using Gaoxin.Api.Features.Webhooks.GetWebhook;
using Gaoxin.Api.Features.Webhooks.ListWebhookDeliveries;
using Gaoxin.Api.Features.Webhooks.ListWebhookEventTypes;
using Gaoxin.Api.Features.Webhooks.ListWebhooks;
using Gaoxin.Api.Features.Webhooks.PingWebhook;
using Gaoxin.Api.Features.Webhooks.RedeliverWebhookEvents;
using Gaoxin.Api.Features.Webhooks.RotateWebhookSecret;
using Gaoxin.Api.Features.Webhooks.UpdateWebhook;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Webhooks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>HTTP for webhook subscriptions, their secrets, delivery log and redeliveries: bind, send, return.</summary>
public static class WebhookEndpoints
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, bool deliver)
    {
        services.AddOptions<WebhookSettings>().Bind(configuration.GetSection("Webhooks"))
            // A mistyped network would otherwise surface as a failed request later; the process refuses to start instead.
            .Validate(settings => settings.AllowedNetworks.All(network => System.Net.IPNetwork.TryParse(network, out _)),
                "Webhooks:AllowedNetworks holds an entry that is not a network in CIDR form (e.g. 10.8.0.0/16).")
            .Validate(settings => settings.Workers is >= 1 and <= 64 && settings.MaxEventsPerMessage is >= 1 and <= 10_000 && settings.LogDays >= 1,
                "Webhooks: Workers is 1–64, MaxEventsPerMessage 1–10000, LogDays at least 1.")
            .ValidateOnStart();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<WebhookMessages>();
        services.AddScoped<WebhookTargets>();
        if (deliver) // the dispatcher itself reads Webhooks:Deliver, once every configuration source is in
        {
            services.AddHostedService<WebhookDispatcher>();
        }
        return services;
    }

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        // Not public: subscriptions name internal systems, and their secrets sign what the platform says.
        var webhooks = app.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Scopes.Webhooks);

        webhooks.MapGet("/event-types", async (IMediator mediator, CancellationToken cancellationToken) =>
                TypedResults.Ok(await mediator.Send(new ListWebhookEventTypesQuery(), cancellationToken)))
            .WithName("listWebhookEventTypes").WithSummary("可订阅的事件类型 · The event types")
            .WithDescription("每种变更（资源 × 新建、更新、删除）和每种匹配事件；private 为真的类型需要 enterprises 权限。Every change (resource × created, updated, deleted) and every kind of match event; those marked private need the `enterprises` scope.");

        webhooks.MapGet("", ListWebhooks)
            .WithName("listWebhooks").WithSummary("事件订阅 · Webhook subscriptions")
            .WithDescription("admin 密钥看到其园区范围内的全部订阅，webhooks 密钥只看到自己创建的。从不包含签名密钥。An admin key sees every subscription within its parks; a key with the `webhooks` scope sees those it created. Never a secret.")
            .ProducesProblems(400);

        webhooks.MapPost("", CreateWebhook)
            .WithName("createWebhook").WithSummary("新建事件订阅 · Subscribe a URL")
            .WithDescription("""
                从现在起，把此密钥可读的、所选类型的每个事件，按提交顺序、签名后 POST 到该地址（Standard Webhooks）。签名密钥只在此应答中出现一次。目标地址须可解析、不得指向本机、内网、链路本地或云元数据地址（422），并须为 https。
                From now on, every event of the chosen types that this key may read is POSTed to the URL, signed (Standard Webhooks), in commit order, several per message. The signing secret is in this answer once. The target must resolve, must not be loopback, private, link-local or a cloud metadata address (422 `webhook.target-not-allowed`), and must be https. No Idempotency-Key: as with API keys, a replayed answer would have to store the secret.
                """)
            .ProducesProblems(400, 403, 404, 422);

        webhooks.MapGet("/{id}", GetWebhook)
            .WithName("getWebhook").WithSummary("查看事件订阅 · Get a subscription")
            .WithDescription("设置、状态（停用时含原因）、投递进度与重试时间。Its settings, status (with the reason when disabled), how far delivery has come and when the next retry is due.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);

        webhooks.MapPut("/{id}", UpdateWebhook)
            .WithName("updateWebhook").WithSummary("修改事件订阅 · Update a subscription")
            .WithDescription("整体替换设置；status 可设为 active 或 paused。将已停用的订阅设为 active 即从中断处继续，不丢事件。Replaces the settings; status is active or paused. Setting a disabled subscription active resumes it where it stopped: no event is lost.")
            .ProducesProblems(400, 403, 404, 412, 422, 428);

        webhooks.MapDelete("/{id}", DeleteWebhook)
            .WithName("deleteWebhook").WithSummary("删除事件订阅 · Delete a subscription")
            .ProducesProblems(404, 412, 428);

        webhooks.MapPost("/{id}/secret", RotateWebhookSecret)
            .WithName("rotateWebhookSecret").WithSummary("轮换签名密钥 · Rotate the signing secret")
            .WithDescription("新密钥只显示一次；重叠期内每条消息同时带新旧两个签名。The new secret is shown once; during the overlap every message carries signatures by both, so receivers switch without missing a message. After a leak, use overlapHours 0.")
            .ProducesProblems(400, 404);

        webhooks.MapPost("/{id}/ping", PingWebhook)
            .WithName("pingWebhook").WithSummary("发送测试消息 · Send a test message")
            .WithDescription("立即发送一条签名的 gaoxin.ping 消息并返回结果（无论订阅状态）。Sends a signed gaoxin.ping message now, whatever the status, and answers with the attempt: the receiver's status code, latency, or why it failed.")
            .ProducesProblems(404);

        webhooks.MapGet("/{id}/deliveries", ListWebhookDeliveries)
            .WithName("listWebhookDeliveries").WithSummary("投递日志 · The delivery log")
            .WithDescription("每次尝试，最新在前：结果、接收方状态码、耗时、第几次尝试、下次重试时间。Every attempt, newest first: outcome, the receiver's status, latency, attempt number, the next try.")
            .ProducesProblems(400, 404);

        webhooks.MapPost("/{id}/redeliveries", RedeliverWebhookEvents)
            .WithName("redeliverWebhookEvents").WithSummary("重新投递 · Send events again")
            .WithDescription("按事件 id 重新投递一个事件或一段范围（含两端），标记为 redelivery，优先于新事件。Sends one event, or a range (inclusive), again, marked as a redelivery, before new events; the subscription's filter applies.")
            .ProducesProblems(400, 404);
        return app;
    }

    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 50).</param>
    private static async Task<Ok<WebhookPage>> ListWebhooks(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(40)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListWebhooksQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListWebhooksQuery(cursor, limit), cancellationToken));

    private static async Task<Created<CreatedWebhookDto>> CreateWebhook(CreateWebhookRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new CreateWebhookCommand(body), cancellationToken);
        response.Headers.ETag = ETags.Of(created.Webhook.Version);
        return TypedResults.Created($"/api/v1/webhooks/{created.Webhook.Id}", created);
    }

    /// <param name="id">The subscription's id.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<WebhookDto>, StatusCodeHttpResult>> GetWebhook([MaxLength(40)] string id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var webhook = await mediator.Send(new GetWebhookQuery(id), cancellationToken);
        return Versioned.Answer(response, webhook, webhook.Version);
    }

    /// <param name="id">The subscription's id.</param>
    /// <param name="ifMatch">The ETag of the current version (required): 412 when it changed since, 428 when missing.</param>
    private static async Task<Ok<WebhookDto>> UpdateWebhook([MaxLength(40)] string id, UpdateWebhookRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        var webhook = await mediator.Send(new UpdateWebhookCommand(id, body, ifMatch), cancellationToken);
        response.Headers.ETag = ETags.Of(webhook.Version);
        return TypedResults.Ok(webhook);
    }

    /// <param name="id">The subscription's id.</param>
    /// <param name="ifMatch">The ETag of the current version (required).</param>
    private static async Task<NoContent> DeleteWebhook([MaxLength(40)] string id, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteWebhookCommand(id, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="id">The subscription's id.</param>
    private static async Task<Ok<WebhookSecretDto>> RotateWebhookSecret([MaxLength(40)] string id, RotateWebhookSecretRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new RotateWebhookSecretCommand(id, body), cancellationToken));

    /// <param name="id">The subscription's id.</param>
    private static async Task<Ok<WebhookDeliveryDto>> PingWebhook([MaxLength(40)] string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new PingWebhookCommand(id), cancellationToken));

    /// <param name="id">The subscription's id.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 50).</param>
    private static async Task<Ok<WebhookDeliveryPage>> ListWebhookDeliveries([MaxLength(40)] string id, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(40)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListWebhookDeliveriesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListWebhookDeliveriesQuery(id, cursor, limit), cancellationToken));

    /// <param name="id">The subscription's id.</param>
    private static async Task<Accepted<WebhookRedeliveryDto>> RedeliverWebhookEvents([MaxLength(40)] string id, RedeliverWebhookEventsRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Accepted((string?)null, await mediator.Send(new RedeliverWebhookEventsCommand(id, body), cancellationToken));
}
