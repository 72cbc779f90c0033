using Gaoxin.Api.Infrastructure.Validation;
using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Parks.CreatePark;
using Gaoxin.Api.Features.Parks.DeletePark;
using Gaoxin.Api.Features.Parks.GetPark;
using Gaoxin.Api.Features.Parks.GetParkTree;
using Gaoxin.Api.Features.Parks.ListParks;
using Gaoxin.Api.Features.Parks.UpdatePark;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Parks;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Parks;

/// <summary>HTTP for parks: bind, send, return. Every rule lives in the handlers and validators.</summary>
public static class ParkEndpoints
{
    public static IEndpointRouteBuilder MapParkEndpoints(this IEndpointRouteBuilder app)
    {
        var parks = app.MapGroup("/api/v1/parks").WithTags("Parks");

        parks.MapGet("", ListParks).WithName("listParks")
            .WithSummary("列出园区 · List parks")
            .WithDescription("园区分页列表，可按类型、上级和文本筛选。Pages of parks, filtered by kind, parent and text, ordered by code; follow `nextCursor`.")
            .RequireAuthorization(Scopes.Read)
            .ProducesProblems(400);

        parks.MapGet("/tree", GetParkTree).WithName("getParkTree")
            .WithSummary("园区树 · The park tree")
            .WithDescription("“一区多园”整棵树：高新区为根。The whole \"one zone, many parks\" tree, rooted at the zone.")
            .RequireAuthorization(Scopes.Read);

        parks.MapGet("/{code}", GetPark).WithName("getPark")
            .WithSummary("查看园区 · Get a park")
            .WithDescription("带 ETag；If-None-Match 与之相同时返回 304。Carries an ETag; 304 when If-None-Match names it.")
            .RequireAuthorization(Scopes.Read)
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);

        parks.MapPost("", CreatePark).WithName("createPark").WithIdempotencyKey()
            .WithSummary("新建园区 · Create a park")
            .WithDescription("400：字段无效；404：上级或来源不存在；409：代码已被使用或高新区已存在。400 invalid fields; 404 unknown parent or source; 409 code taken or zone exists.")
            .RequireAuthorization(Scopes.Write)
            .ProducesProblems(400, 404, 409);

        parks.MapPut("/{code}", UpdatePark).WithName("updatePark")
            .WithSummary("更新园区 · Update a park")
            .WithDescription("请求体即 GET 返回的园区：修改可写字段后原样发回；只读字段可省略，若发送须与当前一致。整体替换可写字段；可移动到另一上级，但不能移到自己的下级。The body is the park as GET returns it: change the writable members and send it back; read-only members may be left out, and must be unchanged when sent (400 `request.read-only-changed`). Replaces every writable field; may move the park under another parent, never under itself or its descendants (409).")
            .RequireAuthorization(Scopes.Write)
            .ProducesProblems(400, 404, 409, 412, 428);

        parks.MapDelete("/{code}", DeletePark).WithName("deletePark")
            .WithSummary("删除园区 · Delete a park")
            .WithDescription("仍有下级园区或观测值时拒绝（409）。Refused with 409 while the park has sub-parks or observations.")
            .RequireAuthorization(Scopes.Write)
            .ProducesProblems(404, 409, 412, 428);

        return app;
    }

    /// <param name="kind">Only parks of this kind.</param>
    /// <param name="parent">Only the direct sub-parks of the park with this code.</param>
    /// <param name="q">Text contained in the code, a name or a description, in either language (at most 100 characters).</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–200 (default 50).</param>
    private static async Task<Ok<ParkPage>> ListParks(IMediator mediator, CancellationToken cancellationToken,
        EnumQuery<ParkKind>? kind = null, [MaxLength(64)] string? parent = null, [MaxLength(100)] string? q = null, [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListParksQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListParksQuery(kind?.Value, parent, q, cursor, limit), cancellationToken));

    private static async Task<Ok<IReadOnlyList<ParkTreeNode>>> GetParkTree(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetParkTreeQuery(), cancellationToken));

    /// <param name="code">The park's code.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<ParkDto>, StatusCodeHttpResult>> GetPark([MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var park = await mediator.Send(new GetParkQuery(code), cancellationToken);
        return Versioned.Answer(response, park, park.Version);
    }

    private static async Task<Created<ParkDto>> CreatePark(CreateParkRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var park = await mediator.Send(new CreateParkCommand(body), cancellationToken);
        return Versioned.Created(response, $"/api/v1/parks/{park.Code}", park, park.Version);
    }

    /// <param name="code">The park's code.</param>
    /// <param name="ifMatch">The ETag of the version being replaced (required): 412 when it is no longer current, 428 when missing.</param>
    private static async Task<Ok<ParkDto>> UpdatePark([MaxLength(64)] string code, ParkDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        var park = await mediator.Send(new UpdateParkCommand(code, body, ifMatch), cancellationToken);
        response.Headers.ETag = ETags.Of(park.Version);
        return TypedResults.Ok(park);
    }

    /// <param name="code">The park's code.</param>
    /// <param name="ifMatch">The ETag of the version being deleted (required).</param>
    private static async Task<NoContent> DeletePark([MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteParkCommand(code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }
}
