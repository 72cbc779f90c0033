using Gaoxin.Api.Features.Idempotency;
using System.ComponentModel.DataAnnotations;
using Gaoxin.Api.Features.Imports.GetImport;
using Gaoxin.Api.Features.Imports.RunImport;
using Gaoxin.Api.Features.Imports.StartImport;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.OpenApi;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Imports;
using MediatR;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gaoxin.Api.Features.Imports;

/// <summary>Limits of imports, from configuration section <c>Imports</c>.</summary>
public sealed class ImportSettings
{
    public long MaxBodyBytes { get; set; } = 1L << 30;
    public int MaxRows { get; set; } = 5_000_000;
    public int IdempotencyKeyHours { get; set; } = 48;
}

public static class ImportEndpoints
{
    public static IServiceCollection AddImports(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ImportSettings>(configuration.GetSection("Imports"));
        services.AddScoped<ParkImporter>();
        services.AddScoped<IndicatorImporter>();
        services.AddScoped<PolicyImporter>();
        return services;
    }

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(Scopes.Read);

        imports.MapPost("/{kind}", RunImport).WithName("runImport").RequireAuthorization(Scopes.Import)
            .WithSummary("批量导入 · Import rows in bulk")
            .WithDescription("""
                CSV（UTF-8，可带 BOM；或 charset=gb18030）、JSON 数组或 NDJSON。按自然键插入或更新；dryRun=true 只校验不写入；mode=atomic（默认）任一行被拒绝则全部不写入，mode=rows 写入合格行。
                报告列出每一被拒行的行号、列、代码和原因。同一 Idempotency-Key 与同一请求体重放首次的报告且不再写入。
                CSV (UTF-8 with or without a BOM, or charset=gb18030), a JSON array or NDJSON. Rows are upserted by their
                natural keys. dryRun=true checks everything and writes nothing; mode=atomic (default) writes nothing if any
                row is rejected (422 with the report), mode=rows writes the good rows. The report gives each rejected row's
                line, column, code and message. The same Idempotency-Key with the same body replays the first report and
                writes nothing again. Policies are JSON or NDJSON only. The columns of each kind are in the README.
                """)
            .WithMetadata(new RawBodyMetadata("text/csv", "application/json", "application/x-ndjson"))
            .ProducesProblems(400, 409, 413, 415, 422);

        imports.MapGet("/{id:guid}", GetImport).WithName("getImport").RequireAuthorization(Scopes.Import)
            .WithSummary("导入报告 · The report of an import")
            .ProducesProblems(404);

        return app;
    }

    /// <param name="kind">What to import: observations, parks, indicators or policies.</param>
    /// <param name="dryRun">Check everything, write nothing, report as if written.</param>
    /// <param name="mode">atomic (default): any rejected row rejects the import; rows: write the good rows.</param>
    /// <param name="idempotencyKey">Makes retries safe: the same key with the same body returns the first report (kept at least 24 hours).</param>
    private static async Task<Ok<ImportReportDto>> RunImport(EnumQuery<ImportKind> kind, HttpContext http, IMediator mediator,
        IOptions<ImportSettings> settings, TimeProvider clock, ICaller caller, CancellationToken cancellationToken,
        bool dryRun = false, EnumQuery<ImportMode>? mode = null, [FromHeader(Name = "Idempotency-Key"), MaxLength(IdempotentCreates.MaxKeyLength)] string? idempotencyKey = null)
    {
        var limits = settings.Value;
        var (format, charset) = Format(http.Request, kind.Value);
        if (http.Request.ContentLength > limits.MaxBodyBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxBodyBytes;
        }
        // Some generated clients send an empty header for "no key": treat it as none.
        idempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        if (idempotencyKey is { Length: > IdempotentCreates.MaxKeyLength })
        {
            throw IdempotentCreates.TooLong();
        }

        var options = new ImportOptions(kind.Value, format, charset, dryRun, mode?.Value ?? ImportMode.Atomic, limits.MaxRows);
        var requestedBy = caller.Name;
        var keyLifetime = TimeSpan.FromHours(limits.IdempotencyKeyHours);
        var start = await mediator.Send(new StartImportCommand(Guid.CreateVersion7(), options.Kind, options.Mode, options.DryRun, idempotencyKey, requestedBy), cancellationToken);

        if (start.IsReplay)
        {
            await using var hasher = new HashingStream(http.Request.Body);
            await hasher.DrainAsync(cancellationToken);
            if (hasher.Finish() != start.RequestHash)
            {
                throw IdempotentCreates.KeyReused(idempotencyKey!);
            }
            http.Response.Headers[IdempotentCreates.ReplayedHeader] = "true";
            return Answer(http, await mediator.Send(new GetImportQuery(start.Id), cancellationToken));
        }

        try
        {
            var result = await mediator.Send(new RunImportCommand(start.Id, options, http.Request.Body, requestedBy, clock.GetUtcNow(), keyLifetime), cancellationToken);
            if (!result.ReportSaved)
            {
                await mediator.Send(new SaveImportReportCommand(result.Report, result.RequestHash, keyLifetime), CancellationToken.None);
            }
            return Answer(http, result.Report);
        }
        catch (Exception e) when (e is not ApiException { Code: "import.rejected" })
        {
            await mediator.Send(new FailImportCommand(start.Id), CancellationToken.None);
            throw;
        }
    }

    /// <summary>200 with the report, except an atomic import that rejected rows: that is bad input, so a 422 problem carrying the report.</summary>
    private static Ok<ImportReportDto> Answer(HttpContext http, ImportReportDto report)
    {
        http.Response.Headers.Location = $"/api/v1/imports/{report.Id}";
        if (!report.Committed && !report.DryRun && report.Rejected > 0)
        {
            throw new RuleViolationException("import.rejected",
                new Text($"{report.Rejected} 行被拒绝，按 atomic 模式未写入任何数据；详见 report。", $"{report.Rejected} rows were rejected, so in atomic mode nothing was written; see report."),
                new Dictionary<string, object?> { ["report"] = report });
        }
        return TypedResults.Ok(report);
    }

    private static (ImportFormat Format, string? Charset) Format(HttpRequest request, ImportKind kind)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media))
        {
            throw ImportErrors.UnsupportedMediaType(request.ContentType, kind != ImportKind.Policies);
        }
        var charset = media.Charset.HasValue ? media.Charset.Value : null;
        ImportFormat? format = media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" when kind != ImportKind.Policies => ImportFormat.Csv,
            "application/json" => ImportFormat.Json,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" => ImportFormat.NdJson,
            _ => null,
        };
        if (format is null || !TextEncodings.IsSupportedCharset(charset) || (format != ImportFormat.Csv && charset is not null && !charset.Contains("utf", StringComparison.OrdinalIgnoreCase)))
        {
            throw ImportErrors.UnsupportedMediaType(request.ContentType, kind != ImportKind.Policies);
        }
        return (format.Value, charset);
    }

    /// <param name="id">The import's id.</param>
    private static async Task<Ok<ImportReportDto>> GetImport(Guid id, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(new GetImportQuery(id), cancellationToken));
}
