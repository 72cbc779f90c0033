using System.Text.Json;
using Gaoxin.Api.Features.Idempotency;
using Gaoxin.Api.Features.Idempotency.CompleteIdempotencyKey;
using Gaoxin.Api.Features.Idempotency.ReleaseIdempotencyKey;
using Gaoxin.Api.Features.Idempotency.ReserveIdempotencyKey;
using Gaoxin.Api.Features.Imports.RunImport;
using Gaoxin.Api.Features.Imports.FailImport;
using Gaoxin.Api.Features.Imports.SaveImportReport;
using Gaoxin.Api.Features.Imports.StartImport;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Imports;
using MediatR;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// One import from request to answer, in order: the media type; a slot (503 when all are taken); the body spooled to
/// disk; the Idempotency-Key reserved with the request's fingerprint (or the earlier answer replayed); the import
/// registered; the rows applied in one transaction; the report kept; the answer stored for replays. Every step that
/// fails frees what the steps before it took.
/// </summary>
public sealed class ImportService(IMediator mediator, IOptions<ImportSettings> settings, ImportSlots slots, TimeProvider clock,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    public async Task<IResult> RunAsync(HttpContext http, ImportKind kind, bool dryRun, ImportMode mode, bool submit, CancellationToken cancellationToken)
    {
        var limits = settings.Value;
        if (kind == ImportKind.Enterprises && !Enterprises.EnterpriseAccess.MayRead(http.RequestServices.GetRequiredService<ICaller>()))
        {
            // Enterprise data is not public: importing it needs the scope that reads it, as its endpoints do.
            throw new ApiException(Problems.AuthInsufficientScope, new("此 API 密钥没有“enterprises”权限。", "This API key lacks the 'enterprises' scope this operation needs."),
                new Dictionary<string, object?> { ["requiredScope"] = Scopes.Enterprises });
        }
        if (submit && kind != ImportKind.Observations)
        {
            throw new ApiException(Problems.RequestInvalidParameter, new("submit=true 只用于观测值导入。", "submit=true applies to observation imports only."));
        }
        var (format, charset) = FormatOf(http.Request, kind);
        var key = IdempotencyKeys.Read(http.Request);
        if (http.Request.ContentLength > limits.MaxBodyBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        using var slot = slots.TryTake() ?? throw ImportErrors.Busy(limits.MaxConcurrent);
        await using var spool = await ImportSpool.ReadAsync(http.Request.Body, limits.MaxBodyBytes, limits.SpoolDirectory ?? Path.GetTempPath(), cancellationToken);
        if (spool.Length == 0)
        {
            throw ImportErrors.Format(new ImportFormatException(Problems.ImportMalformed, "请求体为空：请发送要导入的文件。", "The body is empty: send the file to import."));
        }

        var fingerprint = IdempotencyKeys.Fingerprint(http.Request, spool.Hash);
        if (key is not null && await mediator.Send(new ReserveIdempotencyKeyCommand(key, fingerprint), cancellationToken) is { } earlier)
        {
            return IdempotencyKeys.Replay(http, key, fingerprint, earlier);
        }

        try
        {
            var options = new ImportOptions(kind, format, charset, dryRun, mode, limits.MaxRows, limits.MaxRecordBytes, submit);
            var report = await ImportAsync(options, spool, cancellationToken);
            var location = $"/api/v1/import-reports/{report.Id}";
            http.Response.Headers.Location = location;
            if (!report.Committed && !report.DryRun && report.Rejected > 0)
            {
                throw Rejected(report);
            }
            if (key is not null)
            {
                var body = JsonSerializer.Serialize(report, json.Value.SerializerOptions);
                await mediator.Send(new CompleteIdempotencyKeyCommand(key, StatusCodes.Status200OK, body, "application/json", location, null), CancellationToken.None);
            }
            return TypedResults.Ok(report);
        }
        catch when (key is not null)
        {
            // Nothing was written (or the import was refused): the key is free for a retry.
            await mediator.Send(new ReleaseIdempotencyKeyCommand(key), CancellationToken.None);
            throw;
        }
    }

    private async Task<ImportReportDto> ImportAsync(ImportOptions options, ImportSpool spool, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var createdAt = clock.GetUtcNow();
        await mediator.Send(new StartImportCommand(id, options.Kind, options.Mode, options.DryRun, createdAt), cancellationToken);
        try
        {
            await using var body = spool.Open();
            var result = await mediator.Send(new RunImportCommand(id, options, body, createdAt), cancellationToken);
            if (!result.ReportSaved)
            {
                // A dry run or a refused import rolled its rows back; its report is kept on its own.
                await mediator.Send(new SaveImportReportCommand(result.Report), CancellationToken.None);
            }
            return result.Report;
        }
        catch
        {
            await mediator.Send(new FailImportCommand(id), CancellationToken.None);
            throw;
        }
    }

    /// <summary>An atomic import with rejected rows wrote nothing: that is bad input, a 422 carrying the report.</summary>
    private static ApiException Rejected(ImportReportDto report) => new(Problems.ImportRejected,
        new Text($"{report.Rejected} 行被拒绝，按 atomic 模式未写入任何数据；详见 report。", $"{report.Rejected} rows were rejected, so in atomic mode nothing was written; see report."),
        new Dictionary<string, object?> { ["report"] = report });

    /// <summary>Kinds whose records are trees (documents with measures, schemes): JSON or NDJSON, never CSV.</summary>
    private static bool IsNested(ImportKind kind) => kind is ImportKind.Policies or ImportKind.Schemes;

    private static (ImportFormat Format, string? Charset) FormatOf(HttpRequest request, ImportKind kind)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media))
        {
            throw ImportErrors.UnsupportedMediaType(request.ContentType, !IsNested(kind));
        }
        var charset = media.Charset.HasValue ? media.Charset.Value : null;
        ImportFormat? format = media.MediaType.Value?.ToLowerInvariant() switch
        {
            "text/csv" when !IsNested(kind) => ImportFormat.Csv,
            "application/json" => ImportFormat.Json,
            "application/x-ndjson" or "application/ndjson" or "application/jsonl" => ImportFormat.NdJson,
            _ => null,
        };
        if (format is null || !TextEncodings.IsSupportedCharset(charset) || (format != ImportFormat.Csv && charset is not null && !charset.Contains("utf", StringComparison.OrdinalIgnoreCase)))
        {
            throw ImportErrors.UnsupportedMediaType(request.ContentType, !IsNested(kind));
        }
        return (format.Value, charset);
    }
}
