using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Observations.DeleteObservation;
using Gaoxin.Api.Features.Observations.GetObservationHistory;
using Gaoxin.Api.Features.Observations.GetParkIndicators;
using Gaoxin.Api.Features.Observations.ListObservations;
using Gaoxin.Api.Features.Observations.GetObservation;
using Gaoxin.Api.Features.Observations.PutObservation;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Observations;

public static class ObservationEndpoints
{
    public static IEndpointRouteBuilder MapObservationEndpoints(this IEndpointRouteBuilder app)
    {
        var observations = app.MapGroup("/api/v1/observations").WithTags("Observations").RequireAuthorization(Scopes.Read);

        observations.MapGet("", ListObservations).WithName("listObservations")
            .WithSummary("指标时间序列 · An indicator's series")
            .WithDescription("某指标的观测值，按园区和期间排序；可按园区、期间范围筛选，可查看历史某日记录的数据，可换算面积单位。An indicator's observations ordered by park and period; filter by parks and a period range, read the figures as recorded on a past day (asOf), convert area units (unit).")
            .ProducesProblems(400, 404);

        observations.MapPut("", PutObservation).WithName("putObservation").RequireAuthorization(Scopes.Write)
            .WithSummary("写入观测值 · Create or replace an observation")
            .WithDescription("按 (indicatorCode, parkCode, period) 新建（201）或替换（200）。总数须等于分项之和的指标在同一请求中检查（422）；只发分项时总数自动求和；更正已有数值必须附说明（422）；属于已上报、已审核、已发布或已截止轮次的数值被拒绝（423，说明由谁、何时、在哪一轮锁定，以及如何解锁）。Creates (201) or replaces (200) the figure of (indicatorCode, parkCode, period). A total that must equal its breakdown is checked in the same request (422); parts without a total give their sum; correcting a recorded value needs a note (422). A figure of a round that is submitted, approved, published or closed is refused (423, saying by whom, when and in which round, and how to get it unlocked).")
            .ProducesProblems(400, 404, 412, 422, 423, 428);

        observations.MapDelete("", DeleteObservation).WithName("deleteObservation").RequireAuthorization(Scopes.Write)
            .WithSummary("删除观测值 · Delete an observation")
            .WithDescription("删除当前数值；历史保留每个旧值并记录删除。属于已上报、已审核、已发布或已截止轮次的数值被拒绝（423，说明原因与解锁办法）。Removes the current figure; its history keeps every earlier value and records the deletion. A figure of a round that is submitted, approved, published or closed is refused (423, saying why and how to get it unlocked).")
            .ProducesProblems(400, 404, 412, 423, 428);

        observations.MapGet("/history", GetObservationHistory).WithName("getObservationHistory")
            .WithSummary("观测值修订历史 · The revisions of an observation")
            .WithDescription("每次修改：谁、何时、旧值到新值。Every change: who, when, old value to new.")
            .ProducesProblems(400, 404);

        app.MapGet("/api/v1/parks/{code}/indicators", GetParkIndicators).WithTags("Parks").WithName("listParkIndicators").RequireAuthorization(Scopes.Read)
            .WithSummary("园区各指标最新值 · The latest figure of every indicator for a park")
            .WithDescription("每个指标的最新值及分项。includeDescendants=true 时，园区自身没有数值的指标按其汇总方式由下级园区汇总。The latest value of every indicator, with its breakdown. With includeDescendants=true, an indicator the park has no figure of its own for is rolled up from its sub-parks by the indicator's aggregation.")
            .ProducesProblems(400, 404);

        return app;
    }

    /// <param name="indicator">The indicator's code (required).</param>
    /// <param name="park">Park codes, separated by commas (at most 100); omitted: every park.</param>
    /// <param name="from">Only periods starting on or after the start of this period.</param>
    /// <param name="to">Only periods ending on or before the end of this period.</param>
    /// <param name="asOf">The figures as recorded by the end of this zone day (<c>YYYY-MM-DD</c>) or at this instant (ISO 8601; without an offset, the zone's time, UTC+8).</param>
    /// <param name="unit">Answer in this unit; only area units convert into each other.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–5000 (default 500).</param>
    private static async Task<OkSerialized<ObservationPage>> ListObservations([MaxLength(64)] string indicator, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(ListObservationsQuery.MaxParks * 65)] string? park = null, [MaxLength(10)] string? from = null, [MaxLength(10)] string? to = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null, EnumQuery<IndicatorUnit>? unit = null,
        [MaxLength(200)] string? cursor = null, [Range(1, ListObservationsQuery.MaxLimit)] int limit = ListObservationsQuery.DefaultLimit) =>
        new(await mediator.Send(new ListObservationsQuery(indicator, CodeList.Split(park), from, to, asOf?.Cutoff, unit?.Value, cursor, limit), cancellationToken));

    /// <param name="ifMatch">The ETag of the figure being corrected: required when it exists (428 otherwise), 412 when no longer current.</param>
    /// <param name="ifNoneMatch">* to create only: 412 when the figure exists.</param>
    private static async Task<Results<Created<ObservationDto>, Ok<ObservationDto>>> PutObservation(PutObservationRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var written = await mediator.Send(new PutObservationCommand(body, ifMatch, ifNoneMatch?.Trim() == "*"), cancellationToken);
        var observation = await mediator.Send(new GetObservationQuery(written.IndicatorCode, written.ParkCode, written.Period), cancellationToken);
        response.Headers.ETag = ETags.Of(observation.Version);
        return written.Created
            ? TypedResults.Created($"/api/v1/observations?indicator={observation.IndicatorCode}&park={observation.ParkCode}&from={observation.Period}&to={observation.Period}", observation)
            : TypedResults.Ok(observation);
    }

    /// <param name="indicator">The indicator's code.</param>
    /// <param name="park">The park's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="note">Why it is deleted; kept in the history (at most 2000 characters).</param>
    /// <param name="ifMatch">The ETag of the figure being deleted (required).</param>
    private static async Task<NoContent> DeleteObservation([MaxLength(64)] string indicator, [MaxLength(64)] string park, [MaxLength(10)] string period, IMediator mediator, CancellationToken cancellationToken, [MaxLength(2000)] string? note = null, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteObservationCommand(indicator, park, period, note, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="indicator">The indicator's code.</param>
    /// <param name="park">The park's code.</param>
    /// <param name="period">The period.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 100).</param>
    private static async Task<Ok<ObservationRevisionPage>> GetObservationHistory([MaxLength(64)] string indicator, [MaxLength(64)] string park, [MaxLength(10)] string period, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = GetObservationHistoryQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new GetObservationHistoryQuery(indicator, park, period, cursor, limit), cancellationToken));

    /// <param name="code">The park's code.</param>
    /// <param name="includeDescendants">Roll sub-parks up where the park has no figure of its own.</param>
    /// <param name="asOf">The figures as recorded by the end of this zone day (<c>YYYY-MM-DD</c>) or at this instant (ISO 8601; without an offset, the zone's time, UTC+8).</param>
    private static async Task<Ok<IReadOnlyList<ParkIndicatorValueDto>>> GetParkIndicators([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken,
        bool includeDescendants = false, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null) =>
        TypedResults.Ok(await mediator.Send(new GetParkIndicatorsQuery(code, includeDescendants, asOf?.Cutoff), cancellationToken));
}
