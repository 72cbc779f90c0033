using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Enterprises.CreateEnterprise;
using Gaoxin.Api.Features.Enterprises.DeleteEnterprise;
using Gaoxin.Api.Features.Enterprises.GetEnterprise;
using Gaoxin.Api.Features.Enterprises.GetEnterpriseMatches;
using Gaoxin.Api.Features.Enterprises.ListEligibleEnterprises;
using Gaoxin.Api.Features.Enterprises.ListEnterprises;
using Gaoxin.Api.Features.Enterprises.ListMatchEvents;
using Gaoxin.Api.Features.Enterprises.UpdateEnterprise;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Enterprises;

/// <summary>HTTP for the enterprise registry, matching both ways and the match feed: bind, send, return.</summary>
public static class EnterpriseEndpoints
{
    public static IEndpointRouteBuilder MapEnterpriseEndpoints(this IEndpointRouteBuilder app)
    {
        // Not public: every operation here needs the enterprises scope (admin has it), on top of read.
        var enterprises = app.MapGroup("/api/v1/enterprises").WithTags("Enterprises").RequireAuthorization(Scopes.Read).RequireAuthorization(Scopes.Enterprises);

        enterprises.MapGet("", ListEnterprises).WithName("listEnterprises")
            .WithSummary("企业档案 · Enterprises")
            .WithDescription("按代码排序的企业（一企一档），可按园区（含下级）、产业、当前资质和名称、代码、信用代码中的文字筛选。需要 enterprises 权限；限定园区的密钥只看到其园区的企业。Enterprises by code, filtered by park (and its sub-parks), industry, a qualification held today, and text in the names, code or credit code. Needs the `enterprises` scope; a park-limited key sees its parks' enterprises only.")
            .ProducesProblems(400, 404);

        enterprises.MapPost("", CreateEnterprise).WithName("createEnterprise").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建企业档案 · Create an enterprise")
            .WithDescription("统一社会信用代码按 GB 32100-2015 校验（400）；相互矛盾的事实（毕业早于入孵等）返回 422，不写入任何内容。The credit code is checked by GB 32100-2015 (400); facts that contradict each other (a graduation before the incubation began…) are refused with 422 and nothing is written.")
            .ProducesProblems(400, 404, 409, 422);

        enterprises.MapGet("/{code}", GetEnterprise).WithName("getEnterprise")
            .WithSummary("查看企业档案 · Get an enterprise")
            .WithDescription("当前记录，或 asOf 时记录的版本（含已删除前的记录）。The record now, or as recorded at `asOf` (also before a deletion).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        enterprises.MapPut("/{code}", UpdateEnterprise).WithName("updateEnterprise").RequireAuthorization(Scopes.Write)
            .WithSummary("更新企业档案 · Update an enterprise")
            .WithDescription("请求体即 GET 返回的企业；园区不同即为迁移，历史保留。The body is the enterprise as GET returns it; another park is a move, and the history keeps both.")
            .ProducesProblems(400, 404, 409, 412, 422, 428);

        enterprises.MapDelete("/{code}", DeleteEnterprise).WithName("deleteEnterprise").RequireAuthorization(Scopes.Write)
            .WithSummary("删除企业档案 · Delete an enterprise")
            .ProducesProblems(404, 412, 428);

        enterprises.MapGet("/{code}/matches", GetEnterpriseMatches).WithName("getEnterpriseMatches")
            .WithSummary("企业可享政策 · Measures an enterprise qualifies for")
            .WithDescription("按档案判断 on 日有效的每项措施：满足、可能满足（数据不全）或部分满足；逐条说明所依据的事实及其日期，并列出尚缺的数据。Every measure in force on `on` judged from the record: met, unknown (data missing) or partial; each condition with the fact used and its date, and the data still missing to decide.")
            .ProducesProblems(400, 404);

        app.MapGet("/api/v1/policies/{id}/measures/{code}/eligible-enterprises", ListEligibleEnterprises).WithTags("Enterprises").WithName("listEligibleEnterprises")
            .RequireAuthorization(Scopes.Read).RequireAuthorization(Scopes.Enterprises)
            .WithSummary("符合措施的企业 · Enterprises that qualify for a measure")
            .WithDescription("反向匹配：按 on 日判断密钥可见的每家企业，按满足、可能满足、部分满足排序并分页（措施未生效时亦可预先试算）。免申即享的措施中，complete 为真的企业无需申请即可享受。The reverse match: every enterprise the key may see judged on `on`, ranked met, unknown, partial and paged (also for a measure not yet in force, to try it before it is published). For a measure granted without application, those with `complete` receive it without applying.")
            .ProducesProblems(400, 404);

        app.MapGet("/api/v1/match-events", ListMatchEvents).WithTags("Enterprises").WithName("listMatchEvents")
            .RequireAuthorization(Scopes.Read).RequireAuthorization(Scopes.Enterprises)
            .WithSummary("匹配事件流 · The match feed")
            .WithDescription("政策、措施或企业变化后，匹配结果的每次变化（新符合、不再符合、可判定），由引起它的事务写入，按提交顺序，与变更流同样不遗漏、不重复。保存 nextCursor，下次以 after 传回。Each change of outcome after a policy, measure or enterprise changed (newly eligible, no longer eligible, newly decidable), written by the transaction that caused it, in commit order, with the change feed's guarantee: nothing missed, nothing twice. Store nextCursor and pass it back as `after`.")
            .ProducesProblems(400);
        return app;
    }

    /// <param name="park">Only enterprises in this park or a park within it.</param>
    /// <param name="industry">Only enterprises in this industry.</param>
    /// <param name="qualification">Only enterprises holding this qualification today.</param>
    /// <param name="q">Text in the names (either language), the code or the credit code.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<EnterprisePage>> ListEnterprises(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(64)] string? park = null, EnumQuery<Industry>? industry = null, EnumQuery<Qualification>? qualification = null,
        [MaxLength(100)] string? q = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListEnterprisesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListEnterprisesQuery(park, industry?.Value, qualification?.Value, q, cursor, limit), cancellationToken));

    private static async Task<Created<EnterpriseDto>> CreateEnterprise(CreateEnterpriseRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var code = await mediator.Send(new CreateEnterpriseCommand(body), cancellationToken);
        var enterprise = await mediator.Send(new GetEnterpriseQuery(code, null), cancellationToken);
        return Versioned.Created(response, $"/api/v1/enterprises/{enterprise.Code}", enterprise, enterprise.Version);
    }

    /// <param name="code">The enterprise's code.</param>
    /// <param name="asOf">The record as it was at this moment (a date: the end of that day, UTC+8).</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<EnterpriseDto>, StatusCodeHttpResult>> GetEnterprise([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var enterprise = await mediator.Send(new GetEnterpriseQuery(code, asOf?.Cutoff), cancellationToken);
        return Versioned.Answer(response, enterprise, enterprise.Version);
    }

    /// <param name="code">The enterprise's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required): 412 when it changed since, 428 when missing.</param>
    private static async Task<Ok<EnterpriseDto>> UpdateEnterprise([MaxLength(64)] string code, EnterpriseDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new UpdateEnterpriseCommand(code, body, ifMatch), cancellationToken);
        var enterprise = await mediator.Send(new GetEnterpriseQuery(code, null), cancellationToken);
        response.Headers.ETag = ETags.Of(enterprise.Version);
        return TypedResults.Ok(enterprise);
    }

    /// <param name="code">The enterprise's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required).</param>
    private static async Task<NoContent> DeleteEnterprise([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteEnterpriseCommand(code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="code">The enterprise's code.</param>
    /// <param name="on">The day the measures must be in force on and the facts are taken for; omitted: today (UTC+8).</param>
    private static async Task<Ok<EnterpriseMatchesDto>> GetEnterpriseMatches([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, DateOnly? on = null) =>
        TypedResults.Ok(await mediator.Send(new GetEnterpriseMatchesQuery(code, on), cancellationToken));

    /// <param name="id">The policy document's id.</param>
    /// <param name="code">The measure's code.</param>
    /// <param name="on">The day the facts are taken for; omitted: today (UTC+8).</param>
    /// <param name="status">Only these statuses, comma-separated: met, unknown, partial, notMet (default: met,unknown,partial).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<EligibleEnterprisePage>> ListEligibleEnterprises([MaxLength(80)] string id, [MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken,
        DateOnly? on = null, [MaxLength(40)] string? status = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListEligibleEnterprisesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListEligibleEnterprisesQuery(id, code, on,
            status?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [], cursor, limit), cancellationToken));

    /// <param name="after">The nextCursor of the previous page; omitted: from the beginning.</param>
    /// <param name="limit">How many events to read past the cursor, 1–5000 (default 500).</param>
    private static async Task<Ok<MatchEventPage>> ListMatchEvents(IMediator mediator, CancellationToken cancellationToken, [MaxLength(200)] string? after = null,
        [Range(1, ListMatchEventsQuery.MaxLimit)] int limit = ListMatchEventsQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListMatchEventsQuery(after, limit), cancellationToken));
}
