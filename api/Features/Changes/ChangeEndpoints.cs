using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Changes;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

using Gaoxin.Api.Features.Changes.GetChangeFeedHead;
using Gaoxin.Api.Features.Changes.ListAudit;
using Gaoxin.Api.Features.Changes.ListChanges;

namespace Gaoxin.Api.Features.Changes;

public static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChangeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/changes", ListChanges).WithTags("Sync").WithName("listChanges").RequireAuthorization(Scopes.Read)
            .WithSummary("变更流 · The change feed")
            .WithDescription("""
                园区、指标、观测值、政策和措施的每次新建、更新和删除（删除以墓碑记录），按提交顺序排列。保存 nextCursor，下次以 cursor 传回，既不遗漏也不重复。可按资源类型和园区子树筛选。
                Every create, update and delete of parks, indicators, observations, policies and measures (deletions as
                tombstones), in the order the writes committed. Store nextCursor and pass it back as `cursor`: nothing is
                missed and nothing is seen twice, also when writes commit concurrently. Filter by `resourceType` and by a
                park's subtree (`park`: its parks and their figures). A new mirror starts from getChangeFeedHead.
                """)
            .ProducesProblems(400, 404);

        app.MapGet("/api/v1/changes/head", GetChangeFeedHead).WithTags("Sync").WithName("getChangeFeedHead").RequireAuthorization(Scopes.Read)
            .WithSummary("变更流当前位置 · Where the change feed ends now")
            .WithDescription("新的镜像先复制当前数据，再从此游标开始跟随，无需读完全部历史。A new mirror copies the current state, then follows the feed from this cursor instead of reading its whole history.");

        app.MapGet("/api/v1/audit", ListAudit).WithTags("Sync").WithName("listAudit").RequireAuthorization(Scopes.Admin)
            .WithSummary("审计日志 · The audit log")
            .WithDescription("谁、何时、把什么从何改为何（参考数据；观测值见其修订历史）。Who changed what, when, from what to what (reference data; observations keep their own history).")
            .ProducesProblems(400);
        return app;
    }

    /// <param name="cursor">The nextCursor of the previous page (or getChangeFeedHead's cursor); omitted: from the beginning.</param>
    /// <param name="after">Deprecated: the former name of <c>cursor</c>, still read when <c>cursor</c> is not given.</param>
    /// <param name="limit">How many changes to read past the cursor, 1–5000 (default 500); with filters, the page holds those that match.</param>
    /// <param name="resourceType">Only these kinds, comma-separated: park, indicator, observation, target, policy, measure, enterprise (with the enterprises scope), project, round.</param>
    /// <param name="park">Only this park's subtree: its parks, their figures, enterprises and projects.</param>
    private static async Task<Ok<ChangePage>> ListChanges(IMediator mediator, CancellationToken cancellationToken, [MaxLength(200)] string? cursor = null,
        [MaxLength(200)] string? after = null, [Range(1, ListChangesQuery.MaxLimit)] int limit = ListChangesQuery.DefaultLimit,
        [MaxLength(64)] string? resourceType = null, [MaxLength(64)] string? park = null) =>
        TypedResults.Ok(await mediator.Send(new ListChangesQuery(cursor ?? after, limit,
            resourceType?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [], park), cancellationToken));

    private static async Task<Ok<ChangeFeedHead>> GetChangeFeedHead(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetChangeFeedHeadQuery(), cancellationToken));

    /// <param name="resourceType">park, indicator, target, policy, measure, policy-relation, scheme, enterprise, project, case, calendar, webhook or api-key.</param>
    /// <param name="key">The resource's key.</param>
    /// <param name="actor">The API key's name.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 50).</param>
    private static async Task<Ok<AuditPage>> ListAudit(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(32)] string? resourceType = null, [MaxLength(200)] string? key = null, [MaxLength(64)] string? actor = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = 50) =>
        TypedResults.Ok(await mediator.Send(new ListAuditQuery(resourceType, key, actor, cursor, limit), cancellationToken));
}
