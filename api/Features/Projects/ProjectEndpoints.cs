using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Projects.CreateProject;
using Gaoxin.Api.Features.Projects.DeleteProject;
using Gaoxin.Api.Features.Projects.GetProject;
using Gaoxin.Api.Features.Projects.GetProjectPrerequisites;
using Gaoxin.Api.Features.Projects.GetProjectTimeline;
using Gaoxin.Api.Features.Projects.ListProjects;
using Gaoxin.Api.Features.Projects.UpdateProject;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Projects;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Projects;

/// <summary>HTTP for the zone's works: projects, milestones, dependencies, the timeline. Bind, send, return.</summary>
public static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/v1/projects").WithTags("Projects").RequireAuthorization(Scopes.Read);

        projects.MapGet("", ListProjects).WithName("listProjects")
            .WithSummary("重大项目 · Projects")
            .WithDescription("按代码排序的项目，附 on 日的状态与进度判断；可按园区（含下级）、状态、进度状态、责任单位、类别、到期时间窗和名称筛选。到期日可来自依赖它的事项（倒排）。Projects by code with their status and schedule judged for `on`, filtered by park (and its sub-parks), status, schedule status, responsible unit, kind, due window and name. A due date may come from what depends on the project (scheduled backwards).")
            .ProducesProblems(400, 404);

        projects.MapPost("", CreateProject).WithName("createProject").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建项目 · Create a project")
            .WithDescription("日期可为某日、某月或某年，按来源给出的精度保存。引用不存在的项目、里程碑、单位、指标或来源返回 422；依赖成环返回 422 并给出环；不写入任何内容。Dates may be a day, a month or a year, stored at the precision the source gives. Naming a project, milestone, organisation, indicator or source that does not exist is 422; dependencies that form a cycle are 422 with the cycle; nothing is written.")
            .ProducesProblems(400, 403, 404, 409, 422);

        projects.MapGet("/timeline", GetProjectTimeline).WithName("getProjectTimeline")
            .WithSummary("项目时间轴 · The works on a timeline")
            .WithDescription("园区（含下级）在 from 至 to 之间的项目与里程碑，附依赖关系与 on 日的进度状态，供甘特图使用；没有任何日期的项目另列。Projects and milestones of a park subtree between `from` and `to`, with their dependencies and schedule status on `on`, for a Gantt chart; projects with no date at all are listed apart.")
            .ProducesProblems(400, 404);

        projects.MapGet("/{code}", GetProject).WithName("getProject")
            .WithSummary("查看项目 · Get a project")
            .WithDescription("当前记录或 asOf 时的记录，附 on 日（默认今天或 asOf 当日）的状态、进度判断及其理由、完成度历史和各里程碑。The record now or as recorded at `asOf`, with its status, schedule and the rule behind it, percent-complete history and each milestone, judged for `on` (default today, or the asOf day).")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(400, 404);

        projects.MapGet("/{code}/prerequisites", GetProjectPrerequisites).WithName("getProjectPrerequisites")
            .WithSummary("前置条件 · What a project or milestone depends on")
            .WithDescription("项目（或 milestone 指定的里程碑）直接和间接依赖的全部事项，未完成者在前，各附进度判断；列出逾期者与关键路径（最晚完成的前置链）。Every project and milestone it depends on, directly or further up, the ones not done first, each with its schedule; the late ones; and the critical path (the chain that finishes last).")
            .ProducesProblems(400, 404);

        projects.MapPut("/{code}", UpdateProject).WithName("updateProject").RequireAuthorization(Scopes.Write)
            .WithSummary("更新项目 · Update a project")
            .WithDescription("请求体即 GET 返回的项目；历史版本保留，可用 asOf 查看。The body is the project as GET returns it; earlier versions stay readable with asOf.")
            .ProducesProblems(400, 403, 404, 409, 412, 422, 428);

        projects.MapDelete("/{code}", DeleteProject).WithName("deleteProject").RequireAuthorization(Scopes.Write)
            .WithSummary("删除项目 · Delete a project")
            .WithDescription("仍被其他项目或里程碑依赖（或有分期）的项目不能删除（409，列出它们）。A project others depend on (or that has phases) cannot be deleted (409, naming them).")
            .ProducesProblems(403, 404, 409, 412, 428);
        return app;
    }

    /// <param name="park">Only projects in this park or a park within it.</param>
    /// <param name="status">Only projects with this status on <c>on</c>.</param>
    /// <param name="schedule">Only projects with this schedule status on <c>on</c>.</param>
    /// <param name="responsible">Only projects this organisation is responsible for.</param>
    /// <param name="kind">Only projects of this kind.</param>
    /// <param name="dueFrom">Only projects due on or after this day.</param>
    /// <param name="dueTo">Only projects due on or before this day.</param>
    /// <param name="q">Text in the names (either language) or the code.</param>
    /// <param name="on">The day to judge status and schedule for; omitted: today (UTC+8), or the asOf day.</param>
    /// <param name="asOf">The projects as recorded at this moment (a date: the end of that day, UTC+8).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<ProjectPage>> ListProjects(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(64)] string? park = null, EnumQuery<ProjectStatus>? status = null, EnumQuery<ScheduleStatus>? schedule = null,
        [MaxLength(64)] string? responsible = null, EnumQuery<ProjectKind>? kind = null, DateOnly? dueFrom = null, DateOnly? dueTo = null,
        [MaxLength(100)] string? q = null, DateOnly? on = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null,
        [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListProjectsQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListProjectsQuery(park, status?.Value, schedule?.Value, responsible, kind?.Value, dueFrom, dueTo, q, on, asOf?.Cutoff, cursor, limit), cancellationToken));

    private static async Task<Created<ProjectDto>> CreateProject(CreateProjectRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var code = await mediator.Send(new CreateProjectCommand(body), cancellationToken);
        var project = await mediator.Send(new GetProjectQuery(code, null, null), cancellationToken);
        return Versioned.Created(response, $"/api/v1/projects/{project.Code}", project, project.Version);
    }

    /// <param name="park">Only projects in this park or a park within it.</param>
    /// <param name="from">The first day of the window.</param>
    /// <param name="to">The last day of the window (at most 30 years after from).</param>
    /// <param name="on">The day to judge schedules for; omitted: today (UTC+8).</param>
    private static async Task<Ok<ProjectTimeline>> GetProjectTimeline(IMediator mediator, CancellationToken cancellationToken,
        [Required] DateOnly from, [Required] DateOnly to, [MaxLength(64)] string? park = null, DateOnly? on = null) =>
        TypedResults.Ok(await mediator.Send(new GetProjectTimelineQuery(park, from, to, on), cancellationToken));

    /// <param name="code">The project's code.</param>
    /// <param name="on">The day to judge status and schedule for; omitted: today (UTC+8), or the asOf day.</param>
    /// <param name="asOf">The project as recorded at this moment (a date: the end of that day, UTC+8).</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<ProjectDto>, StatusCodeHttpResult>> GetProject([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        DateOnly? on = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null,
        [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var project = await mediator.Send(new GetProjectQuery(code, asOf?.Cutoff, on), cancellationToken);
        return Versioned.Answer(response, project, project.Version);
    }

    /// <param name="code">The project's code.</param>
    /// <param name="milestone">One of its milestones; omitted: the project's completion.</param>
    /// <param name="on">The day to judge for; omitted: today (UTC+8), or the asOf day.</param>
    /// <param name="asOf">The projects as recorded at this moment.</param>
    private static async Task<Ok<PrerequisitesDto>> GetProjectPrerequisites([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(64)] string? milestone = null, DateOnly? on = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null) =>
        TypedResults.Ok(await mediator.Send(new GetProjectPrerequisitesQuery(code, milestone, on, asOf?.Cutoff), cancellationToken));

    /// <param name="code">The project's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required): 412 when it changed since, 428 when missing.</param>
    private static async Task<Ok<ProjectDto>> UpdateProject([MaxLength(64)] string code, ProjectDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new UpdateProjectCommand(code, body, ifMatch), cancellationToken);
        var project = await mediator.Send(new GetProjectQuery(code, null, null), cancellationToken);
        response.Headers.ETag = ETags.Of(project.Version);
        return TypedResults.Ok(project);
    }

    /// <param name="code">The project's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required).</param>
    private static async Task<NoContent> DeleteProject([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteProjectCommand(code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }
}
