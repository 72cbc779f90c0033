using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Targets.DeleteTarget;
using Gaoxin.Api.Features.Targets.GetScorecard;
using Gaoxin.Api.Features.Targets.GetTarget;
using Gaoxin.Api.Features.Targets.GetTargetHistory;
using Gaoxin.Api.Features.Targets.ListTargets;
using Gaoxin.Api.Features.Targets.PutTarget;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Targets;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Targets;

/// <summary>HTTP for targets and scorecards: bind, send, return.</summary>
public static class TargetEndpoints
{
    public static IEndpointRouteBuilder MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/api/v1/targets").WithTags("Targets").RequireAuthorization(Scopes.Read);

        targets.MapGet("", ListTargets).WithName("listTargets")
            .WithSummary("目标及其状态 · Targets and where they stand")
            .WithDescription("按代码排序的目标，可按指标、园区（含下级）、状态和截止日期筛选；状态按 on 日计算，可查看历史某时记录的状态（asOf）。Targets ordered by code, filtered by indicator, park (and its sub-parks), status on a day and due date; the status is computed for `on`, as recorded at `asOf`.")
            .ProducesProblems(400, 404);

        targets.MapPut("", PutTarget).WithName("putTarget").RequireAuthorization(Scopes.Write)
            .WithSummary("写入目标 · Create or replace a target")
            .WithDescription("按 (indicatorCode, parkCode, period, member) 新建（201）或替换（200）；替换已有目标须带 If-Match。Creates (201) or replaces (200) the target of (indicatorCode, parkCode, period, member); replacing one needs If-Match. A target as read may be sent back (read-only members unchanged or left out).")
            .ProducesProblems(400, 404, 412, 428);

        targets.MapDelete("", DeleteTarget).WithName("deleteTarget").RequireAuthorization(Scopes.Write)
            .WithSummary("删除目标 · Delete a target")
            .WithDescription("删除目标；历史保留每个版本并记录删除。Removes a target; its history keeps every version and records the deletion.")
            .ProducesProblems(400, 404, 412, 428);

        targets.MapGet("/history", GetTargetHistory).WithName("getTargetHistory")
            .WithSummary("目标修订历史 · The revisions of a target")
            .WithDescription("每次修改：谁、何时、修改前后。Every change: who, when, before and after.")
            .ProducesProblems(400, 404);

        app.MapGet("/api/v1/parks/{code}/scorecard", GetScorecard).WithTags("Targets").WithName("getScorecard").RequireAuthorization(Scopes.Read)
            .WithSummary("园区目标记分卡 · A park's scorecard")
            .WithDescription("园区（可含下级）的全部目标：实际值、差距、状态及原因，各状态合计；最紧急的在前。Every target of the park (and its sub-parks with includeDescendants): actual, gap, status and why, with totals per status; the most urgent first.")
            .ProducesProblems(400, 404);

        return app;
    }

    /// <param name="indicator">Only targets of this indicator.</param>
    /// <param name="park">Only targets of this park (and its sub-parks with includeDescendants).</param>
    /// <param name="includeDescendants">With park: the targets of the parks below it too.</param>
    /// <param name="status">Only targets in this status on the day.</param>
    /// <param name="dueBefore">Only targets due before this day.</param>
    /// <param name="on">The day the status is for (default today, UTC+8).</param>
    /// <param name="asOf">Targets and figures as recorded at this moment (a date: the end of that day, UTC+8).</param>
    /// <param name="unit">Answer values in this unit; only area units convert into each other.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 100).</param>
    private static async Task<Ok<TargetPage>> ListTargets(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(64)] string? indicator = null, [MaxLength(64)] string? park = null, bool includeDescendants = false,
        EnumQuery<TargetStatus>? status = null, DateOnly? dueBefore = null, DateOnly? on = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null,
        EnumQuery<IndicatorUnit>? unit = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListTargetsQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListTargetsQuery(indicator, park, includeDescendants, status?.Value, dueBefore, on, asOf?.Cutoff, unit?.Value, cursor, limit), cancellationToken));

    /// <param name="ifMatch">The ETag of the target being replaced: required when it exists (428 otherwise), 412 when no longer current.</param>
    /// <param name="ifNoneMatch">* to create only: 412 when the target exists.</param>
    private static async Task<Results<Created<TargetDto>, Ok<TargetDto>>> PutTarget(TargetDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var written = await mediator.Send(new PutTargetCommand(body, ifMatch, ifNoneMatch?.Trim() == "*"), cancellationToken);
        var target = await mediator.Send(new GetTargetQuery(written.Code), cancellationToken);
        response.Headers.ETag = ETags.Of(target.Version);
        var location = $"/api/v1/targets?indicator={target.IndicatorCode}&park={target.ParkCode}";
        return written.Created ? TypedResults.Created(location, target) : TypedResults.Ok(target);
    }

    /// <param name="indicator">The indicator's code.</param>
    /// <param name="park">The park's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="member">The breakdown member, for a member's target.</param>
    /// <param name="note">Why it is deleted; kept in the history (at most 2000 characters).</param>
    /// <param name="ifMatch">The ETag of the target being deleted (required).</param>
    private static async Task<NoContent> DeleteTarget([MaxLength(64)] string indicator, [MaxLength(64)] string park, [MaxLength(10)] string period,
        IMediator mediator, CancellationToken cancellationToken, [MaxLength(64)] string? member = null, [MaxLength(2000)] string? note = null,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteTargetCommand(indicator, park, period, member, note, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="indicator">The indicator's code.</param>
    /// <param name="park">The park's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="member">The breakdown member, for a member's target.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 100).</param>
    private static async Task<Ok<TargetRevisionPage>> GetTargetHistory([MaxLength(64)] string indicator, [MaxLength(64)] string park, [MaxLength(10)] string period,
        IMediator mediator, CancellationToken cancellationToken, [MaxLength(64)] string? member = null, [MaxLength(200)] string? cursor = null,
        [Range(1, CommonRules.MaxPageSize)] int limit = GetTargetHistoryQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new GetTargetHistoryQuery(indicator, park, period, member, cursor, limit), cancellationToken));

    /// <param name="code">The park's code.</param>
    /// <param name="on">The day the status is for (default today, UTC+8).</param>
    /// <param name="asOf">Targets and figures as recorded at this moment (a date: the end of that day, UTC+8).</param>
    /// <param name="includeDescendants">The targets of the parks below it too.</param>
    private static async Task<Ok<ScorecardDto>> GetScorecard([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken,
        DateOnly? on = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null, bool includeDescendants = false) =>
        TypedResults.Ok(await mediator.Send(new GetScorecardQuery(code, on, asOf?.Cutoff, includeDescendants), cancellationToken));
}
