using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Imports.GetImport;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Imports;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gaoxin.Api.Features.Imports;

/// <summary>Limits of imports, from configuration section <c>Imports</c>.</summary>
public sealed class ImportSettings
{
    public long MaxBodyBytes { get; set; } = 1L << 30;
    public int MaxRows { get; set; } = 5_000_000;

    /// <summary>The largest one JSON or NDJSON record may be (CSV records are bounded by the CSV reader).</summary>
    public int MaxRecordBytes { get; set; } = 1 << 20;

    /// <summary>How many imports may run at once; past it, 503 import.busy.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Where bodies are spooled before the database work starts (default: the system's temporary folder).</summary>
    public string? SpoolDirectory { get; set; }
}

public static class ImportEndpoints
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportSettings>(configuration.GetSection("Imports"));
        services.AddSingleton<ImportSlots>();
        services.AddScoped<ImportService>();
        // Every kind of import is found here: a new kind is one class implementing IImporter (and its ImportKind).
        foreach (var importer in typeof(IImporter).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IImporter))))
        {
            services.AddScoped(typeof(IImporter), importer);
        }
        return services;
    }

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/imports/{kind}", RunImport).WithTags("Imports").WithName("runImport").RequireAuthorization(Scopes.Import)
            .WithSummary("批量导入 · Import rows in bulk")
            .WithDescription("""
                CSV（UTF-8，可带 BOM；或 charset=gb18030）、JSON 数组或 NDJSON。按自然键插入或更新；dryRun=true 只校验不写入；mode=atomic（默认）任一行被拒绝则全部不写入，mode=rows 写入合格行。
                报告列出每一被拒行的行号、列、代码和原因。请求体先完整接收再开始写入；同时进行的导入数有上限（503 import.busy）。
                CSV (UTF-8 with or without a BOM, or charset=gb18030), a JSON array or NDJSON. Rows are upserted by their
                natural keys. dryRun=true checks everything and writes nothing; mode=atomic (default) writes nothing if any
                row is rejected (422 with the report), mode=rows writes the good rows. The report gives each rejected row's
                line, column, code and message; Location names it. The body is received whole before any write starts;
                imports running at once are capped (503 import.busy, Retry-After). Policies are JSON or NDJSON only.
                Rows into a figure a reporting round locks are rejected one by one with the lock's reason (round.locked).
                submit=true (observations) submits the rounds the rows belong to, with the submit endpoint's checks.
                The columns of each kind are in the README.
                """)
            .WithMetadata(new RawBodyMetadata("text/csv", "application/json", "application/x-ndjson"))
            .WithMetadata(new IdempotencyKeyMetadata())
            .Produces<ImportReportDto>(StatusCodes.Status200OK)
            .ProducesProblems(400, 403, 404, 409, 413, 415, 422, 503);

        app.MapGet("/api/v1/import-reports/{id:guid}", GetImport).WithTags("Imports").WithName("getImport").RequireAuthorization(Scopes.Import)
            .WithSummary("导入报告 · The report of an import")
            .WithDescription("仅导入者本人的密钥与管理员可读；其他密钥得到 404。Readable by the key that ran the import and by admins only; any other key gets 404.")
            .ProducesProblems(404);

        return app;
    }

    /// <param name="kind">What to import: observations, parks, indicators or policies.</param>
    /// <param name="dryRun">Check everything, write nothing, report as if written.</param>
    /// <param name="mode">atomic (default): any rejected row rejects the import; rows: write the good rows.</param>
    /// <param name="submit">Observations only: submit every reporting round the rows belong to, in the same transaction and with the submit endpoint's checks; a round that fails them fails the import.</param>
    private static async Task<IResult> RunImport(EnumQuery<ImportKind> kind, HttpContext http, ImportService imports, CancellationToken cancellationToken,
        bool dryRun = false, EnumQuery<ImportMode>? mode = null, bool submit = false) =>
        await imports.RunAsync(http, kind.Value, dryRun, mode?.Value ?? ImportMode.Atomic, submit, cancellationToken);

    /// <param name="id">The import's id.</param>
    private static async Task<Ok<ImportReportDto>> GetImport(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetImportQuery(id), cancellationToken));
}
