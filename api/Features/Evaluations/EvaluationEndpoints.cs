using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Evaluations.CreateScheme;
using Gaoxin.Api.Features.Evaluations.ExplainEvaluation;
using Gaoxin.Api.Features.Evaluations.GetEvaluationResults;
using Gaoxin.Api.Features.Evaluations.GetScheme;
using Gaoxin.Api.Features.Evaluations.ListSchemes;
using Gaoxin.Api.Features.Evaluations.UpdateScheme;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Evaluations;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Evaluations;

/// <summary>HTTP for evaluation schemes and their results: bind, send, return.</summary>
public static class EvaluationEndpoints
{
    public static IEndpointRouteBuilder MapEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var schemes = app.MapGroup("/api/v1/evaluation-schemes").WithTags("Evaluations").RequireAuthorization(Scopes.Read);

        schemes.MapGet("", ListSchemes).WithName("listSchemes")
            .WithSummary("评价体系 · Evaluation schemes")
            .WithDescription("按代码排序的评价体系（各取最新版本）。The schemes by code, each as its latest version.")
            .ProducesProblems(400);

        schemes.MapPost("", CreateScheme).WithName("createScheme").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建评价体系 · Create an evaluation scheme")
            .WithDescription("维度与指标项组成的加权树；同级权重之和须等于上级权重（422）。A weighted tree of dimensions and leaves; the weights of a node's children add up to its own (422 naming the node otherwise).")
            .ProducesProblems(400, 409, 422);

        schemes.MapGet("/{code}", GetScheme).WithName("getScheme")
            .WithSummary("查看评价体系 · Get an evaluation scheme")
            .WithDescription("最新版本，或 version 指定的版本；版本一经记录不再改变。The latest version, or the one named by `version`; versions never change.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);

        schemes.MapPut("/{code}", UpdateScheme).WithName("updateScheme").RequireAuthorization(Scopes.Write)
            .WithSummary("修订评价体系 · Revise an evaluation scheme")
            .WithDescription("内容有变即产生新版本，旧版本保留不变；请求体即 GET 返回的评价体系。A changed content makes a new version and the earlier ones stay as they were; the body is the scheme as GET returns it.")
            .ProducesProblems(400, 404, 412, 422, 428);

        var evaluations = app.MapGroup("/api/v1/evaluations/{scheme}/results").WithTags("Evaluations").RequireAuthorization(Scopes.Read);

        evaluations.MapGet("", GetEvaluationResults).WithName("getEvaluationResults")
            .WithSummary("评价结果 · Evaluation results")
            .WithDescription("各园区的总分、排名、各节点得分及对总分的贡献、缺失的输入及处理方式；指定 asOf 时按当时记录的数据与版本计算，可精确复现。Per park: total, rank, every node's score and contribution, and the inputs that were missing and how they were treated; with asOf, the data and the scheme version recorded then, reproducibly.")
            .ProducesProblems(400, 404);

        evaluations.MapGet("/{park}/explain", ExplainEvaluation).WithName("explainEvaluation")
            .WithSummary("得分说明 · Explain a park's score")
            .WithDescription("逐节点说明一个园区的得分；给出 comparePeriod 时比较两期并列出影响最大的指标项。A park's score node by node in words and numbers; with comparePeriod, both periods and the leaves that moved the score most.")
            .ProducesProblems(400, 404);

        return app;
    }

    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<SchemePage>> ListSchemes(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListSchemesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListSchemesQuery(cursor, limit), cancellationToken));

    private static async Task<Created<SchemeDto>> CreateScheme(CreateSchemeRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var code = await mediator.Send(new CreateSchemeCommand(body), cancellationToken);
        var scheme = await mediator.Send(new GetSchemeQuery(code, null), cancellationToken);
        return Versioned.Created(response, $"/api/v1/evaluation-schemes/{scheme.Code}", scheme, scheme.Version);
    }

    /// <param name="code">The scheme's code.</param>
    /// <param name="version">A version other than the latest.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<SchemeDto>, StatusCodeHttpResult>> GetScheme([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [Range(1, int.MaxValue)] int? version = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var scheme = await mediator.Send(new GetSchemeQuery(code, version), cancellationToken);
        return Versioned.Answer(response, scheme, scheme.Version);
    }

    /// <param name="code">The scheme's code.</param>
    /// <param name="ifMatch">The ETag of the latest version (required): 412 when it is no longer the latest, 428 when missing.</param>
    private static async Task<Ok<SchemeDto>> UpdateScheme([MaxLength(64)] string code, SchemeDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new UpdateSchemeCommand(code, body, ifMatch), cancellationToken);
        var scheme = await mediator.Send(new GetSchemeQuery(code, null), cancellationToken);
        response.Headers.ETag = ETags.Of(scheme.Version);
        return TypedResults.Ok(scheme);
    }

    /// <param name="scheme">The scheme's code.</param>
    /// <param name="period">The period scored: <c>2023</c>, <c>2023-Q1</c>, <c>2023-03</c> or <c>2023-03-31</c>.</param>
    /// <param name="parks">The parks compared, comma-separated (at most 200); omitted: the zone's own parks.</param>
    /// <param name="asOf">Inputs and scheme version as recorded at this moment (a date: the end of that day, UTC+8).</param>
    /// <param name="version">A scheme version other than the latest (or the one recorded by asOf).</param>
    private static async Task<Ok<EvaluationResultDto>> GetEvaluationResults([MaxLength(64)] string scheme, [MaxLength(10)] string period, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(GetEvaluationResultsQuery.MaxParks * 65)] string? parks = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null, [Range(1, int.MaxValue)] int? version = null) =>
        TypedResults.Ok(await mediator.Send(new GetEvaluationResultsQuery(scheme, period, CodeList.Split(parks), asOf?.Cutoff, version), cancellationToken));

    /// <param name="scheme">The scheme's code.</param>
    /// <param name="park">The park explained.</param>
    /// <param name="period">The period scored.</param>
    /// <param name="comparePeriod">Another period, to see what moved the score.</param>
    /// <param name="parks">The parks compared (the park is added when missing); omitted: the zone's own parks.</param>
    /// <param name="asOf">Inputs and scheme version as recorded at this moment.</param>
    /// <param name="version">A scheme version other than the latest.</param>
    private static async Task<Ok<ExplainDto>> ExplainEvaluation([MaxLength(64)] string scheme, [MaxLength(64)] string park, [MaxLength(10)] string period,
        IMediator mediator, CancellationToken cancellationToken, [MaxLength(10)] string? comparePeriod = null,
        [MaxLength(GetEvaluationResultsQuery.MaxParks * 65)] string? parks = null, [MaxLength(AsOfQuery.MaxLength)] AsOfQuery? asOf = null, [Range(1, int.MaxValue)] int? version = null) =>
        TypedResults.Ok(await mediator.Send(new ExplainEvaluationQuery(scheme, park, period, comparePeriod, CodeList.Split(parks), asOf?.Cutoff, version), cancellationToken));
}
