using Gaoxin.Api.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Indicators.CompareIndicator;
using Gaoxin.Api.Features.Indicators.CreateIndicator;
using Gaoxin.Api.Features.Indicators.DeleteIndicator;
using Gaoxin.Api.Features.Indicators.GetIndicator;
using Gaoxin.Api.Features.Indicators.ListIndicators;
using Gaoxin.Api.Features.Indicators.UpdateIndicator;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Indicators;

public static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var indicators = app.MapGroup("/api/v1/indicators").WithTags("Indicators").RequireAuthorization(Scopes.Read);

        indicators.MapGet("", ListIndicators).WithName("listIndicators")
            .WithSummary("列出指标 · List indicators")
            .WithDescription("指标定义分页列表，可按类别和文本筛选。Pages of indicator definitions, filtered by category and text, ordered by code.")
            .ProducesProblems(400);

        indicators.MapGet("/{code}", GetIndicator).WithName("getIndicator")
            .WithSummary("查看指标 · Get an indicator")
            .WithDescription("指标定义：单位、分项、校验规则。带 ETag；If-None-Match 与之相同时返回 304。The definition: unit, breakdown, checks. Carries an ETag; 304 when If-None-Match names it.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);

        indicators.MapPost("", CreateIndicator).WithName("createIndicator").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建指标 · Create an indicator")
            .ProducesProblems(400, 409);

        indicators.MapPut("/{code}", UpdateIndicator).WithName("updateIndicator").RequireAuthorization(Scopes.Write)
            .WithSummary("更新指标 · Update an indicator")
            .WithDescription("请求体即 GET 返回的指标：修改可写字段后原样发回；只读字段可省略，若发送须与当前一致（400 `request.read-only-changed`）。The body is the indicator as GET returns it: change the writable members and send it back; read-only members may be left out, and must be unchanged when sent. 整体替换可写字段。已有观测值时不能更改单位和数值类型、不能删除在用的分项，也不能启用现有数据违反的总数规则（409）。Replaces every writable field. Once observations exist, the unit and value kind are fixed, members in use stay, and a total rule that existing figures break cannot be switched on (409).")
            .ProducesProblems(400, 404, 409, 412, 428);

        indicators.MapDelete("/{code}", DeleteIndicator).WithName("deleteIndicator").RequireAuthorization(Scopes.Write)
            .WithSummary("删除指标 · Delete an indicator")
            .WithDescription("仍有观测值时拒绝（409）。Refused with 409 while observations exist.")
            .ProducesProblems(404, 409, 412, 428);

        indicators.MapGet("/{code}/compare", CompareIndicator).WithName("compareIndicator")
            .WithSummary("跨园区对比 · Compare an indicator across parks")
            .WithDescription("各园区自身在某期间（或最新）的数值，供图表使用；不做汇总。Each park's own figure for a period, or its latest, for charts; no roll-up.")
            .ProducesProblems(400, 404);

        return app;
    }

    /// <param name="category">Only indicators of this category.</param>
    /// <param name="q">Text in the code, a name or a description, in either language (at most 100 characters).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<IndicatorPage>> ListIndicators(IMediator mediator, CancellationToken cancellationToken,
        EnumQuery<IndicatorCategory>? category = null, [MaxLength(100)] string? q = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListIndicatorsQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListIndicatorsQuery(category?.Value, q, cursor, limit), cancellationToken));

    /// <param name="code">The indicator's code.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<IndicatorDto>, StatusCodeHttpResult>> GetIndicator([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var indicator = await mediator.Send(new GetIndicatorQuery(code), cancellationToken);
        return Versioned.Answer(response, indicator, indicator.Version);
    }

    private static async Task<Created<IndicatorDto>> CreateIndicator(CreateIndicatorRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var indicator = await mediator.Send(new CreateIndicatorCommand(body), cancellationToken);
        return Versioned.Created(response, $"/api/v1/indicators/{indicator.Code}", indicator, indicator.Version);
    }

    /// <param name="code">The indicator's code.</param>
    /// <param name="ifMatch">The ETag of the version being replaced (required): 412 when it is no longer current, 428 when missing.</param>
    private static async Task<Ok<IndicatorDto>> UpdateIndicator([MaxLength(64)] string code, IndicatorDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        var indicator = await mediator.Send(new UpdateIndicatorCommand(code, body, ifMatch), cancellationToken);
        response.Headers.ETag = ETags.Of(indicator.Version);
        return TypedResults.Ok(indicator);
    }

    /// <param name="code">The indicator's code.</param>
    /// <param name="ifMatch">The ETag of the version being deleted (required).</param>
    private static async Task<NoContent> DeleteIndicator([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteIndicatorCommand(code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="code">The indicator's code.</param>
    /// <param name="parks">Park codes, separated by commas (1–50), in the order the chart shows them.</param>
    /// <param name="period">The period to compare (<c>2023</c>, <c>2023-Q1</c>, <c>2023-03</c>, <c>2023-03-31</c>); omitted: each park's latest.</param>
    /// <param name="asOf">The figures as recorded by the end of this zone day (<c>YYYY-MM-DD</c>) or at this instant (ISO 8601).</param>
    /// <param name="unit">Answer in this unit; only area units convert into each other.</param>
    private static async Task<Ok<IndicatorComparisonDto>> CompareIndicator([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(CompareIndicatorQuery.MaxParks * 65)] string? parks = null, [MaxLength(10)] string? period = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null, EnumQuery<IndicatorUnit>? unit = null) =>
        TypedResults.Ok(await mediator.Send(new CompareIndicatorQuery(code, CodeList.Split(parks), period, asOf?.Cutoff, unit?.Value), cancellationToken));
}
