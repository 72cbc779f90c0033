using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Rounds.DeleteDataSet;
using Gaoxin.Api.Features.Rounds.GetDataSet;
using Gaoxin.Api.Features.Rounds.GetParkRound;
using Gaoxin.Api.Features.Rounds.GetRoundStatus;
using Gaoxin.Api.Features.Rounds.ListDataSets;
using Gaoxin.Api.Features.Rounds.ListRounds;
using Gaoxin.Api.Features.Rounds.PutDataSet;
using Gaoxin.Api.Features.Rounds.PutRoundExplanations;
using Gaoxin.Api.Features.Rounds.ReviewRound;
using Gaoxin.Api.Features.Rounds.SubmitRound;
using Gaoxin.Api.Features.Rounds.UnlockRound;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Rounds;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>HTTP for reporting rounds: data sets with their rules, each round's status, a park's round and its steps. Bind, send, return.</summary>
public static class RoundEndpoints
{
    public static IServiceCollection AddRounds(this IServiceCollection services) =>
        services.AddScoped<RoundTransitions>().AddScoped<RoundSubmission>();

    public static IEndpointRouteBuilder MapRoundEndpoints(this IEndpointRouteBuilder app)
    {
        var sets = app.MapGroup("/api/v1/data-sets").WithTags("Rounds").RequireAuthorization(Scopes.Read);
        sets.MapGet("", ListDataSets).WithName("listDataSets")
            .WithSummary("数据集 · Data sets")
            .WithDescription("各数据集：哪些园区按什么报告期填报哪些指标、何时截止、何时关闭，以及校验规则。Every data set: which parks report which indicators at which period, when a round is due and when it closes, and the rules its figures must pass.");
        sets.MapGet("/{code}", GetDataSet).WithName("getDataSet")
            .WithSummary("查看数据集 · Get a data set")
            .WithDescription("数据集及其校验规则。A data set with its validation rules.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);
        sets.MapPut("/{code}", PutDataSet).WithName("putDataSet").RequireAuthorization(Scopes.Write)
            .WithSummary("新建或替换数据集 · Create or replace a data set")
            .WithDescription("请求体即 GET 返回的数据集。规则引用不存在的指标、分项或园区，引用本数据集未收集（报告期不符）的指标，或单位不可比，返回 422 并指出位置（part），不写入任何内容。仅限不限园区的密钥。The body is the data set as GET returns it. A rule that names an indicator, member or park that does not exist, an indicator this set does not collect (so of another period), or units that do not compare is 422 naming the part; nothing is written. Keys limited to some parks cannot define data sets.")
            .ProducesProblems(400, 403, 412, 422, 428);
        sets.MapDelete("/{code}", DeleteDataSet).WithName("deleteDataSet").RequireAuthorization(Scopes.Write)
            .WithSummary("删除数据集 · Delete a data set")
            .WithDescription("已有填报记录的数据集不能删除（409），可以修改。A data set with round records cannot be deleted (409); it can be changed.")
            .ProducesProblems(403, 404, 409, 412, 428);

        var rounds = app.MapGroup("/api/v1/rounds").WithTags("Rounds").RequireAuthorization(Scopes.Read);
        rounds.MapGet("", ListRounds).WithName("listRounds")
            .WithSummary("填报矩阵 · Parks × rounds")
            .WithDescription("数据集各轮次中每个园区的状态、完整率、是否按时、未说明的警告，最新轮次在前；默认为已结束的最近 4 个报告期。Every park's state, completeness, timeliness and open warnings in each round of a data set, newest first; by default the last 4 periods that have ended.")
            .ProducesProblems(400, 404);
        rounds.MapGet("/{dataSet}/{period}/status", GetRoundStatus).WithName("getRoundStatus")
            .WithSummary("轮次填报进度 · A round's completeness and timeliness")
            .WithDescription("每个填报园区：状态、应报与已报数值及比例、首次上报时间与是否按时、未说明的警告数、错误数、锁定原因。Per park: state, expected and present figures and their share, first submission and whether it was on time, open warnings, errors, and why it is locked.")
            .ProducesProblems(400, 404);

        var park = rounds.MapGroup("/{dataSet}/{period}/parks/{park}");
        park.MapGet("", GetParkRound).WithName("getParkRound")
            .WithSummary("园区填报详情与校验 · A park's round, checked now")
            .WithDescription("数值（附上期与上年同期）、当前违反的每条规则（数值、说明、处理建议）、调用方可执行的操作、流程记录。任何园区、任何期间均可随时校验。The figures beside the previous period's and last year's, every rule they break now with the values, the explanation and what to do, what the caller may do next, and the history. Runs the rules on demand for any park and period.")
            .ProducesProblems(400, 404);
        park.MapPut("/explanations", PutExplanations).WithName("putRoundExplanations").RequireAuthorization(Scopes.Write)
            .WithSummary("填写警告说明 · Explain warnings")
            .WithDescription("为违反的警告规则填写说明，每条替换该规则此前的说明；上报后不可再改。Keeps explanations of broken warning rules, each replacing that rule's earlier one; not after submission.")
            .ProducesProblems(400, 403, 404, 409, 422);
        park.MapPost("/submit", Submit).WithName("submitRound").RequireAuthorization(Scopes.Write)
            .WithSummary("上报 · Submit")
            .WithDescription("运行全部规则：有错误或未说明的警告则 422（列出违反的规则），状态不变、不写入任何内容；否则上报，数值随即锁定。Runs every rule: an error or an unexplained warning is 422 listing them, and nothing changes; otherwise the round is submitted and its figures lock.")
            .ProducesProblems(400, 403, 404, 409, 422);
        park.MapPost("/approve", Approve).WithName("approveRound").RequireAuthorization(Scopes.Write)
            .WithSummary("审核通过 · Approve")
            .WithDescription("由上级园区（或以上）的密钥或管理员执行；下级园区须已全部审核通过（409 列出未审核的）。By a key of a park above, or an admin; every park below must be approved first (409 naming those that are not).")
            .ProducesProblems(400, 403, 404, 409);
        park.MapPost("/return", Return).WithName("returnRound").RequireAuthorization(Scopes.Write)
            .WithSummary("退回 · Return")
            .WithDescription("退回已上报或已审核的数据，须说明原因；上级已审核时须先退回上级（409）。Sends a submitted or approved round back, with the reason; when the park above is approved, it is returned first (409).")
            .ProducesProblems(400, 403, 404, 409);
        park.MapPost("/publish", Publish).WithName("publishRound").RequireAuthorization(Scopes.Write)
            .WithSummary("发布 · Publish")
            .WithDescription("发布已审核的数据；之后的更正须管理员重新开放。Publishes an approved round; a correction afterwards needs an admin to reopen it.")
            .ProducesProblems(400, 403, 404, 409);
        park.MapPost("/reopen", Reopen).WithName("reopenRound").RequireAuthorization(Scopes.Admin)
            .WithSummary("重新开放 · Reopen")
            .WithDescription("管理员重新开放已发布的轮次以便更正，须说明原因；发布的版本仍可用 asOf=publishedAt 查看。An admin reopens a published round for corrections, with the reason; the published figures stay readable with asOf=publishedAt.")
            .ProducesProblems(400, 403, 404, 409);
        park.MapPost("/unlock", Unlock).WithName("unlockRound").RequireAuthorization(Scopes.Admin)
            .WithSummary("临时解锁 · Unlock for a while")
            .WithDescription("管理员为锁定的数据开一个 1–168 小时的例外，须说明原因；状态不变，到期自动恢复锁定。An admin opens a locked round's figures for 1–168 hours, with the reason; the state stays, and the lock returns by itself.")
            .ProducesProblems(400, 403, 404, 409);
        return app;
    }

    private static async Task<Ok<IReadOnlyList<DataSetDto>>> ListDataSets(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListDataSetsQuery(), cancellationToken));

    /// <param name="code">The data set's code.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<DataSetDto>, StatusCodeHttpResult>> GetDataSet([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var set = await mediator.Send(new GetDataSetQuery(code), cancellationToken);
        return Versioned.Answer(response, set, set.Version);
    }

    /// <param name="code">The data set's code.</param>
    /// <param name="ifMatch">The ETag of the version being replaced: required when it exists (428), 412 when stale.</param>
    /// <param name="ifNoneMatch">* to create only: 412 when it exists.</param>
    private static async Task<Results<Created<DataSetDto>, Ok<DataSetDto>>> PutDataSet([MaxLength(64)] string code, DataSetFields body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken,
        [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var created = await mediator.Send(new PutDataSetCommand(code, body, ifMatch, ifNoneMatch?.Trim() == "*"), cancellationToken);
        var set = await mediator.Send(new GetDataSetQuery(code), cancellationToken);
        if (created)
        {
            return Versioned.Created(response, $"/api/v1/data-sets/{code}", set, set.Version);
        }
        response.Headers.ETag = ETags.Of(set.Version);
        return TypedResults.Ok(set);
    }

    /// <param name="code">The data set's code.</param>
    /// <param name="ifMatch">The ETag of the current version (required).</param>
    private static async Task<NoContent> DeleteDataSet([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteDataSetCommand(code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="from">The first period, of the set's type (2024-Q1).</param>
    /// <param name="to">The last period; omitted: the last one that has ended.</param>
    private static async Task<Ok<RoundMatrixDto>> ListRounds([MaxLength(64)] string dataSet, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(10)] string? from = null, [MaxLength(10)] string? to = null) =>
        TypedResults.Ok(await mediator.Send(new ListRoundsQuery(dataSet, from, to), cancellationToken));

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period, of the set's type (2024-Q1).</param>
    private static async Task<Ok<RoundStatusDto>> GetRoundStatus([MaxLength(64)] string dataSet, [MaxLength(10)] string period, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetRoundStatusQuery(dataSet, period), cancellationToken));

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static async Task<Ok<ParkRoundDto>> GetParkRound([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetParkRoundQuery(dataSet, period, park), cancellationToken));

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static async Task<Ok<ParkRoundDto>> PutExplanations([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, ExplanationsRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new PutRoundExplanationsCommand(dataSet, period, park, body), cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetParkRoundQuery(dataSet, period, park), cancellationToken));
    }

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static async Task<Ok<ParkRoundDto>> Submit([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, SubmitRoundRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new SubmitRoundCommand(dataSet, period, park, body), cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetParkRoundQuery(dataSet, period, park), cancellationToken));
    }

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static Task<Ok<ParkRoundDto>> Approve([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, ReviewRoundRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Review(RoundAction.Approve, dataSet, period, park, body, mediator, cancellationToken);

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static Task<Ok<ParkRoundDto>> Return([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, ReviewRoundRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Review(RoundAction.Return, dataSet, period, park, body, mediator, cancellationToken);

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static Task<Ok<ParkRoundDto>> Publish([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, ReviewRoundRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Review(RoundAction.Publish, dataSet, period, park, body, mediator, cancellationToken);

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static Task<Ok<ParkRoundDto>> Reopen([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, ReviewRoundRequest body, IMediator mediator, CancellationToken cancellationToken) =>
        Review(RoundAction.Reopen, dataSet, period, park, body, mediator, cancellationToken);

    private static async Task<Ok<ParkRoundDto>> Review(RoundAction action, string dataSet, string period, string park, ReviewRoundRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new ReviewRoundCommand(dataSet, period, park, action, body), cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetParkRoundQuery(dataSet, period, park), cancellationToken));
    }

    /// <param name="dataSet">The data set's code.</param>
    /// <param name="period">The round's period.</param>
    /// <param name="park">The park's code.</param>
    private static async Task<Ok<ParkRoundDto>> Unlock([MaxLength(64)] string dataSet, [MaxLength(10)] string period, [MaxLength(64)] string park, UnlockRoundRequest body, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new UnlockRoundCommand(dataSet, period, park, body), cancellationToken);
        return TypedResults.Ok(await mediator.Send(new GetParkRoundQuery(dataSet, period, park), cancellationToken));
    }
}
