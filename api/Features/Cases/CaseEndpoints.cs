using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Cases.CreateCase;
using Gaoxin.Api.Features.Cases.DeleteCase;
using Gaoxin.Api.Features.Cases.GetCalendarYears;
using Gaoxin.Api.Features.Cases.GetCase;
using Gaoxin.Api.Features.Cases.ListCases;
using Gaoxin.Api.Features.Cases.PutCalendarYear;
using Gaoxin.Api.Features.Cases.UpdateCase;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Cases;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Cases;

/// <summary>HTTP for the one-to-one approval service's cases and the working-day calendar: bind, send, return.</summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        // Not public: every case operation needs the cases scope (admin has it), on top of read.
        var cases = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Scopes.Read).RequireAuthorization(Scopes.Cases);

        cases.MapGet("", ListCases).WithName("listCases")
            .WithSummary("代办事项 · Service cases")
            .WithDescription("密钥可见的代办事项，逾期者在前，再按编号；可按是否逾期、部门（与 overdue=true 同用时：在该部门逾期）、状态和园区（含下级）筛选。工作日按节假日安排计算。需要 cases 权限；限定园区的密钥只看到其园区的事项。The cases the key may see, overdue first, then by code; filtered by overdue, department (with overdue=true: overdue at that department), state and park (with its sub-parks). Working days follow the holiday calendar. Needs the `cases` scope; a park-limited key sees its parks' cases only.")
            .ProducesProblems(400, 404);

        cases.MapPost("", CreateCase).WithName("createCase").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建代办事项 · Open a case")
            .WithDescription("引用不存在的企业、项目或部门返回 422；相互矛盾的日期返回 422；不写入任何内容。Naming an enterprise, project or department that does not exist is 422, as are dates that contradict each other; nothing is written.")
            .ProducesProblems(400, 403, 404, 409, 422);

        cases.MapGet("/{code}", GetCase).WithName("getCase")
            .WithSummary("查看代办事项 · Get a case")
            .WithDescription("附 on 日（默认今天）各环节已用与剩余工作日、到期日和是否逾期。With each step's working days used and left, its due day and whether it is overdue, on `on` (default today).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        cases.MapPut("/{code}", UpdateCase).WithName("updateCase").RequireAuthorization(Scopes.Write)
            .WithSummary("更新代办事项 · Update a case")
            .WithDescription("请求体即 GET 返回的事项（记一条办理记录、完成一个环节……）；每个版本都记入审计日志。The body is the case as GET returns it (an action logged, a step done…); every version goes to the audit log.")
            .ProducesProblems(400, 403, 404, 409, 412, 422, 428);

        cases.MapDelete("/{code}", DeleteCase).WithName("deleteCase").RequireAuthorization(Scopes.Write)
            .WithSummary("删除代办事项 · Delete a case")
            .ProducesProblems(404, 412, 428);

        var calendar = app.MapGroup("/api/v1/calendar").WithTags("Cases").RequireAuthorization(Scopes.Read);
        calendar.MapGet("", GetCalendarYears).WithName("listCalendarYears")
            .WithSummary("节假日安排 · Holiday calendars")
            .WithDescription("已录入的年度节假日安排（国务院办公厅通知）：法定节假日与调休上班日。未录入的年份只跳过周末。The years' official holiday arrangements on record (State Council notices): the days off and the weekend days worked. For a year not on record only weekends are skipped.")
            .ProducesProblems(400);
        calendar.MapGet("/{year}", GetCalendarYear).WithName("getCalendarYear")
            .WithSummary("某年节假日安排 · A year's holiday calendar")
            .ProducesProblems(400, 404);
        calendar.MapPut("/{year}", PutCalendarYear).WithName("putCalendarYear").RequireAuthorization(Scopes.Admin)
            .WithSummary("录入节假日安排 · Record a year's holiday calendar")
            .WithDescription("按当年通知整年替换；审计。新建返回 201，替换返回 200。Replaces the whole year as its notice gives it; audited. 201 when new, 200 when replaced.")
            .ProducesProblems(400);
        return app;
    }

    /// <param name="overdue">true: only cases overdue on <c>on</c>; false: only those not.</param>
    /// <param name="department">Only cases with a step at this department (an organisation code).</param>
    /// <param name="state">Only cases in this state.</param>
    /// <param name="park">Only cases in this park or a park within it.</param>
    /// <param name="on">The day to count working days to; omitted: today (UTC+8).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<CasePage>> ListCases(IMediator mediator, CancellationToken cancellationToken,
        bool? overdue = null, [MaxLength(64)] string? department = null, EnumQuery<CaseState>? state = null, [MaxLength(64)] string? park = null,
        DateOnly? on = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListCasesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListCasesQuery(overdue, department, state?.Value, park, on, cursor, limit), cancellationToken));

    private static async Task<Created<CaseDto>> CreateCase(CreateCaseRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var code = await mediator.Send(new CreateCaseCommand(body), cancellationToken);
        var created = await mediator.Send(new GetCaseQuery(code, null), cancellationToken);
        return Versioned.Created(response, $"/api/v1/cases/{created.Code}", created, created.Version);
    }

    /// <param name="code">The case's code.</param>
    /// <param name="on">The day to count working days to; omitted: today (UTC+8).</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<CaseDto>, StatusCodeHttpResult>> GetCase([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        DateOnly? on = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var found = await mediator.Send(new GetCaseQuery(code, on), cancellationToken);
        return Versioned.Answer(response, found, found.Version);
    }

    /// <param name="code">The case's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required): 412 when it changed since, 428 when missing.</param>
    private static async Task<Ok<CaseDto>> UpdateCase([MaxLength(64)] string code, CaseDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new UpdateCaseCommand(code, body, ifMatch), cancellationToken);
        var updated = await mediator.Send(new GetCaseQuery(code, null), cancellationToken);
        response.Headers.ETag = ETags.Of(updated.Version);
        return TypedResults.Ok(updated);
    }

    /// <param name="code">The case's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required).</param>
    private static async Task<NoContent> DeleteCase([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteCaseCommand(code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<CalendarYearList>> GetCalendarYears(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetCalendarYearsQuery(null), cancellationToken));

    /// <param name="year">The year, 1949–2200.</param>
    private static async Task<Ok<CalendarYear>> GetCalendarYear([Range(1949, 2200)] int year, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok((await mediator.Send(new GetCalendarYearsQuery(year), cancellationToken)).Items[0]);

    /// <param name="year">The year, 1949–2200.</param>
    private static async Task<Results<Created<CalendarYear>, Ok<CalendarYear>>> PutCalendarYear([Range(1949, 2200)] int year, CalendarYear body, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new PutCalendarYearCommand(year, body), cancellationToken);
        var stored = (await mediator.Send(new GetCalendarYearsQuery(year), cancellationToken)).Items[0];
        return created ? TypedResults.Created($"/api/v1/calendar/{year}", stored) : TypedResults.Ok(stored);
    }
}
