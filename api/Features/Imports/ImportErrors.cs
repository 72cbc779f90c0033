using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Imports;

public static class ImportErrors
{
    public static ApiException TooManyRows(int max) => new(Problems.ImportTooManyRows, new Text($"一次导入最多 {max} 行；请拆分文件。", $"An import holds at most {max} rows; split the file."),
        new Dictionary<string, object?> { ["maxRows"] = max });

    public static ApiException Format(ImportFormatException e) => new(e.Kind, new Text(e.Zh, e.En));

    public static ApiException UnsupportedMediaType(string? contentType, bool csvAllowed) => new(Problems.RequestUnsupportedMediaType, new Text($"不支持“{contentType}”。请使用 {(csvAllowed ? "text/csv（UTF-8 或 charset=gb18030）、" : "")}application/json 或 application/x-ndjson。",
                 $"'{contentType}' is not supported. Send {(csvAllowed ? "text/csv (UTF-8, or charset=gb18030), " : "")}application/json or application/x-ndjson."),
        new Dictionary<string, object?> { ["contentType"] = contentType });

    public static ApiException NotFound(Guid id) => new(Problems.ImportNotFound,
        new Text($"导入“{id}”不存在。", $"Import '{id}' does not exist."),
        new Dictionary<string, object?> { ["importId"] = id });

    /// <summary>503: every import slot is taken; the client should come back (Retry-After), nothing was read or written.</summary>
    public static ApiException Busy(int slots) => new(Problems.ImportBusy, new Text($"已有 {slots} 个导入正在进行（上限），请在 30 秒后重试。", $"{slots} imports are running already (the limit); retry in 30 seconds."))
    {
        RetryAfterSeconds = 30,
    };
}
