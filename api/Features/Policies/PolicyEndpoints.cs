using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Policies.CreatePolicy;
using Gaoxin.Api.Features.Policies.DeletePolicy;
using Gaoxin.Api.Features.Policies.GetPolicy;
using Gaoxin.Api.Features.Policies.GetPolicyCatalogue;
using Gaoxin.Api.Features.Policies.ListOrganisations;
using Gaoxin.Api.Features.Policies.ListPolicies;
using Gaoxin.Api.Features.Policies.MatchPolicies;
using Gaoxin.Api.Features.Policies.CreateMeasure;
using Gaoxin.Api.Features.Policies.DeleteMeasure;
using Gaoxin.Api.Features.Policies.GetMeasure;
using Gaoxin.Api.Features.Policies.ListMeasures;
using Gaoxin.Api.Features.Policies.UpdateMeasure;
using Gaoxin.Api.Features.Policies.CreatePolicyRelation;
using Gaoxin.Api.Features.Policies.DeletePolicyRelation;
using Gaoxin.Api.Features.Policies.GetPolicyVersion;
using Gaoxin.Api.Features.Policies.ListPolicyVersions;
using Gaoxin.Api.Features.Policies.UpdatePolicy;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gaoxin.Api.Features.Policies;

public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/v1/policies").WithTags("Policies").RequireAuthorization(Scopes.Read);

        policies.MapGet("", ListPolicies).WithName("listPolicies")
            .WithSummary("检索政策 · Search and filter policies")
            .WithDescription("""
                按文本（中英文）、角色、状态、发文机关、类别、园区、产业和生效日期筛选。有 q 时按相关度排序并返回高亮片段。
                Filter by text (Chinese or English), role, status, issuer, category, park, industry and in-force date. With q,
                results are ranked by relevance and carry a highlighted passage. Chinese is matched by characters and character
                pairs, so one- and two-character queries (研, 孵化) work; English by stems (incubators finds incubator).
                """)
            .ProducesProblems(400, 404);

        policies.MapGet("/catalogue", GetPolicyCatalogue).WithName("getPolicyCatalogue")
            .WithSummary("“1+N”政策体系 · The \"1+N\" catalogue")
            .WithDescription("每个核心政策及其配套政策与措施，附状态。Each core policy with its supporting documents and their measures, with status.");

        policies.MapGet("/{id}", GetPolicy).WithName("getPolicy")
            .WithSummary("查看政策文件 · Get a policy document")
            .WithDescription("全文、措施、关系与生命周期状态；on= 给出某日的状态。带 ETag。The full text, measures, relations and lifecycle status; `on` gives the status on that day. Carries an ETag; 304 when If-None-Match names it.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);

        policies.MapPost("", CreatePolicy).WithName("createPolicy").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建政策文件 · Create a policy document")
            .ProducesProblems(400, 404, 409, 422);

        policies.MapPut("/{id}", UpdatePolicy).WithName("updatePolicy").RequireAuthorization(Scopes.Write)
            .WithSummary("更新政策文件 · Update a policy document")
            .WithDescription("请求体即 GET 返回的政策文件：修改内容字段后原样发回；只读字段（summary、body、measures、relations 等）可省略，若发送须与当前一致。The body is the document as GET returns it: change the content and send it back; read-only members (summary, body, measures, relations…) may be left out, and must be unchanged when sent (400 `request.read-only-changed`). 旧内容保存为历史版本。The previous content is kept as a version.")
            .ProducesProblems(400, 404, 409, 412, 422, 428);

        policies.MapDelete("/{id}", DeletePolicy).WithName("deletePolicy").RequireAuthorization(Scopes.Write)
            .WithSummary("删除政策文件 · Delete a policy document")
            .WithDescription("仍有其他文件与之关联时拒绝（409）。Refused with 409 while other documents relate to it.")
            .ProducesProblems(404, 409, 412, 428);

        policies.MapGet("/{id}/versions", ListPolicyVersions).WithName("listPolicyVersions")
            .WithSummary("历史版本 · The versions of a document")
            .WithDescription("每次修改前的内容，最新在前，含修改人与时间。The content before each change, newest first, with who changed it and when.")
            .ProducesProblems(404);

        policies.MapGet("/{id}/versions/{version:int}", GetPolicyVersion).WithName("getPolicyVersion")
            .WithSummary("查看历史版本 · Get one version of a document")
            .WithDescription("某一历史版本的完整内容。The full content of one earlier version.")
            .ProducesProblems(404);

        policies.MapPost("/{id}/relations", CreatePolicyRelation).WithName("createPolicyRelation").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建文件关系 · Relate a document to another")
            .WithDescription("废止（repeals）与替代（supersedes）自生效日起改变目标文件的状态。repeals and supersedes change the target's status from their date.")
            .ProducesProblems(400, 404, 409, 422);

        policies.MapDelete("/{id}/relations/{relationId:long}", DeletePolicyRelation).WithName("deletePolicyRelation").RequireAuthorization(Scopes.Write)
            .WithSummary("删除文件关系 · Delete a relation")
            .ProducesProblems(404);

        policies.MapGet("/{id}/measures", ListMeasures).WithName("listMeasures")
            .WithSummary("扶持措施 · The support measures of a document")
            .WithDescription("文件中的扶持措施及其适用条件，按代码排序。The document's support measures with their conditions, ordered by code.")
            .ProducesProblems(404);

        policies.MapPost("/{id}/measures", CreateMeasure).WithName("createMeasure").WithIdempotencyKey().RequireAuthorization(Scopes.Write)
            .WithSummary("新建扶持措施 · Add a support measure")
            .ProducesProblems(400, 404, 409);

        policies.MapGet("/{id}/measures/{code}", GetMeasure).WithName("getMeasure")
            .WithSummary("扶持措施 · One support measure")
            .WithDescription("一项扶持措施及其适用条件。带 ETag；If-None-Match 与之相同时返回 304。A support measure with its conditions. Carries an ETag; 304 when If-None-Match names it.")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblems(404);

        policies.MapPut("/{id}/measures/{code}", UpdateMeasure).WithName("updateMeasure").RequireAuthorization(Scopes.Write)
            .WithSummary("更新扶持措施 · Update a support measure")
            .WithDescription("请求体即 GET 返回的扶持措施：修改可写字段后原样发回；只读字段可省略，若发送须与当前一致。The body is the measure as GET returns it: change the writable members and send it back; read-only members may be left out, and must be unchanged when sent (400 `request.read-only-changed`).")
            .ProducesProblems(400, 404, 412, 428);

        policies.MapDelete("/{id}/measures/{code}", DeleteMeasure).WithName("deleteMeasure").RequireAuthorization(Scopes.Write)
            .WithSummary("删除扶持措施 · Delete a support measure")
            .ProducesProblems(404, 412, 428);

        app.MapPost("/api/v1/policy-matches", MatchPolicies).WithTags("Policies").WithName("matchPolicies").RequireAuthorization(Scopes.Read)
            .WithSummary("政策匹配 · Match an enterprise to the measures in force")
            .WithDescription("按企业画像判断当日有效的每项措施：每个条件为符合、不符合或未知，并给出最高扶持总额。按可申报、可能可申报、不符合排序；给出 limit 时分页返回（total 与各类计数覆盖全部措施），不给时返回全部。Judges every measure in force on the day against an enterprise profile: each condition met, not met or unknown, with the maximum total support. Eligible first, then possibly eligible, then not eligible; with `limit`, one page (`total` and the counts cover every measure; `nextCursor` continues), without it, all of them.")
            .ProducesProblems(400, 404);

        app.MapGet("/api/v1/organisations", ListOrganisations).WithTags("Policies").WithName("listOrganisations").RequireAuthorization(Scopes.Read)
            .WithSummary("发文机关 · The issuing organisations")
            .WithDescription("可用于 issuer 筛选的发文机关。The organisations that issue documents, for the `issuer` filter.");

        return app;
    }

    /// <param name="q">Search text, Chinese and/or English (at most 200 characters).</param>
    /// <param name="role">Only documents of this role.</param>
    /// <param name="status">Only documents with this status today.</param>
    /// <param name="issuer">Only documents of this issuer (organisation code).</param>
    /// <param name="category">Only documents in this category.</param>
    /// <param name="park">Only documents that apply to this park: for the whole zone, the park, or a park above it.</param>
    /// <param name="industry">Only documents for this industry or for every industry.</param>
    /// <param name="inForceOn">Only documents in force on this day (YYYY-MM-DD); statuses are then given for that day.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    private static async Task<Ok<PolicyPage>> ListPolicies(IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(200)] string? q = null, EnumQuery<PolicyRole>? role = null, EnumQuery<PolicyStatus>? status = null, [MaxLength(64)] string? issuer = null,
        EnumQuery<PolicyCategory>? category = null, [MaxLength(64)] string? park = null, EnumQuery<Industry>? industry = null, DateOnly? inForceOn = null,
        [MaxLength(200)] string? cursor = null, [Range(1, ListPoliciesQuery.MaxLimit)] int limit = ListPoliciesQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListPoliciesQuery(q, role?.Value, status?.Value, issuer, category?.Value, park, industry?.Value, inForceOn, cursor, limit), cancellationToken));

    /// <param name="on">Statuses as on this day (YYYY-MM-DD); default today.</param>
    private static async Task<Ok<PolicyCatalogueDto>> GetPolicyCatalogue(IMediator mediator, CancellationToken cancellationToken, DateOnly? on = null) =>
        TypedResults.Ok(await mediator.Send(new GetPolicyCatalogueQuery(on), cancellationToken));

    /// <param name="id">The document's id.</param>
    /// <param name="on">Statuses as on this day (YYYY-MM-DD); default today.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<PolicyDto>, StatusCodeHttpResult>> GetPolicy([MaxLength(80)] string id, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, DateOnly? on = null, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var policy = await mediator.Send(new GetPolicyQuery(id, on), cancellationToken);
        return Versioned.Answer(response, policy, policy.Version);
    }

    private static async Task<Created<PolicyDto>> CreatePolicy(CreatePolicyRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = await mediator.Send(new CreatePolicyCommand(body), cancellationToken);
        var policy = await mediator.Send(new GetPolicyQuery(id, null), cancellationToken);
        return Versioned.Created(response, $"/api/v1/policies/{id}", policy, policy.Version);
    }

    /// <param name="id">The document's id.</param>
    /// <param name="ifMatch">The ETag of the version being replaced (required): 412 when it is no longer current, 428 when missing.</param>
    private static async Task<Ok<PolicyDto>> UpdatePolicy([MaxLength(80)] string id, PolicyDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new UpdatePolicyCommand(id, body, ifMatch), cancellationToken);
        var policy = await mediator.Send(new GetPolicyQuery(id, null), cancellationToken);
        response.Headers.ETag = ETags.Of(policy.Version);
        return TypedResults.Ok(policy);
    }

    /// <param name="id">The document's id.</param>
    /// <param name="ifMatch">The ETag of the version being deleted (required).</param>
    private static async Task<NoContent> DeletePolicy([MaxLength(80)] string id, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeletePolicyCommand(id, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="id">The document's id.</param>
    /// <param name="cursor">The nextCursor of the previous page.</param>
    /// <param name="limit">1–200 (default 50).</param>
    private static async Task<Ok<PolicyVersionPage>> ListPolicyVersions([MaxLength(80)] string id, IMediator mediator, CancellationToken cancellationToken,
        [MaxLength(200)] string? cursor = null, [Range(1, CommonRules.MaxPageSize)] int limit = ListPolicyVersionsQuery.DefaultLimit) =>
        TypedResults.Ok(await mediator.Send(new ListPolicyVersionsQuery(id, cursor, limit), cancellationToken));

    /// <param name="id">The document's id.</param>
    /// <param name="version">The version number, from 1.</param>
    private static async Task<Ok<PolicyVersionDto>> GetPolicyVersion([MaxLength(80)] string id, [Range(1, int.MaxValue)] int version, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetPolicyVersionQuery(id, version), cancellationToken));

    /// <param name="id">The acting document's id.</param>
    private static async Task<Created<PolicyDto>> CreatePolicyRelation([MaxLength(80)] string id, CreatePolicyRelationRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        await mediator.Send(new CreatePolicyRelationCommand(id, body), cancellationToken);
        // A relation has no page of its own: it is part of the acting document, whose new state (and ETag) this is.
        var policy = await mediator.Send(new GetPolicyQuery(id, null), cancellationToken);
        return Versioned.Created(response, $"/api/v1/policies/{id}", policy, policy.Version);
    }

    /// <param name="id">The acting document's id.</param>
    /// <param name="relationId">The relation's id.</param>
    private static async Task<NoContent> DeletePolicyRelation([MaxLength(80)] string id, [Range(1, long.MaxValue)] long relationId, IMediator mediator, CancellationToken cancellationToken)
    {
        await mediator.Send(new DeletePolicyRelationCommand(id, relationId), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="id">The document's id.</param>
    private static async Task<Ok<IReadOnlyList<SupportMeasureDto>>> ListMeasures([MaxLength(80)] string id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListMeasuresQuery(id), cancellationToken));

    /// <param name="id">The document's id.</param>
    private static async Task<Created<SupportMeasureDto>> CreateMeasure([MaxLength(80)] string id, CreateMeasureRequest body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken)
    {
        var measure = await mediator.Send(new CreateMeasureCommand(id, body), cancellationToken);
        return Versioned.Created(response, $"/api/v1/policies/{id}/measures/{measure.Code}", measure, measure.Version);
    }

    /// <param name="id">The document's id.</param>
    /// <param name="code">The measure's code.</param>
    /// <param name="ifNoneMatch">The ETag of the copy the client has: 304 when it is still current.</param>
    private static async Task<Results<Ok<SupportMeasureDto>, StatusCodeHttpResult>> GetMeasure([MaxLength(80)] string id, [MaxLength(64)] string code, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-None-Match"), MaxLength(ETags.MaxHeaderLength)] string? ifNoneMatch = null)
    {
        var measure = await mediator.Send(new GetMeasureQuery(id, code), cancellationToken);
        return Versioned.Answer(response, measure, measure.Version);
    }

    /// <param name="id">The document's id.</param>
    /// <param name="code">The measure's code.</param>
    /// <param name="ifMatch">The ETag of the version being replaced (required).</param>
    private static async Task<Ok<SupportMeasureDto>> UpdateMeasure([MaxLength(80)] string id, [MaxLength(64)] string code, SupportMeasureDto body, IMediator mediator, HttpResponse response, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        var measure = await mediator.Send(new UpdateMeasureCommand(id, code, body, ifMatch), cancellationToken);
        response.Headers.ETag = ETags.Of(measure.Version);
        return TypedResults.Ok(measure);
    }

    /// <param name="id">The document's id.</param>
    /// <param name="code">The measure's code.</param>
    /// <param name="ifMatch">The ETag of the version being deleted (required).</param>
    private static async Task<NoContent> DeleteMeasure([MaxLength(80)] string id, [MaxLength(64)] string code, IMediator mediator, CancellationToken cancellationToken, [FromHeader(Name = "If-Match")] IfMatch? ifMatch = null)
    {
        await mediator.Send(new DeleteMeasureCommand(id, code, ifMatch), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <param name="limit">A page of this many items, 1–500; omitted: every item.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page.</param>
    private static async Task<Ok<PolicyMatchResult>> MatchPolicies(PolicyMatchRequest body, IMediator mediator, CancellationToken cancellationToken,
        [Range(1, MatchPoliciesQuery.MaxLimit)] int? limit = null, [MaxLength(200)] string? cursor = null) =>
        TypedResults.Ok(await mediator.Send(new MatchPoliciesQuery(body, limit, cursor), cancellationToken));

    private static async Task<Ok<IReadOnlyList<OrganisationDto>>> ListOrganisations(IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new ListOrganisationsQuery(), cancellationToken));
}
