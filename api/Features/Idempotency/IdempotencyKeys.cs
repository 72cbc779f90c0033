using System.Security.Cryptography;
using System.Text;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Idempotency;

/// <summary>How long keys live, from configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencySettings
{
    /// <summary>How long a finished request's answer is kept for replays.</summary>
    public int KeyHours { get; set; } = 48;

    /// <summary>How long a running request holds its key before a retry may take it over (its process may have died).</summary>
    public int LeaseMinutes { get; set; } = 30;
}

/// <summary>
/// The rules of <c>Idempotency-Key</c>, for every POST that takes one (creates and imports): the key belongs to the
/// API key that sent it; the first request runs and its answer is kept; the same request again gets that answer
/// (<c>Idempotent-Replayed: true</c>) and changes nothing; another request with the key is 422
/// <c>idempotency.key-reused</c>; a retry while the first still runs is 409 <c>idempotency.in-progress</c>, until its
/// lease runs out; a request that fails frees its key.
/// </summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on an answer replayed for a repeated key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    /// <summary>What the contract says of the header, once, for every operation that takes it.</summary>
    public const string Description =
        "使重试安全：同一 API 密钥以同一键发送同一请求（方法、路径、查询参数、内容类型与请求体），返回首次的结果且不再写入；键保留 Idempotency:KeyHours（默认 48 小时）。" +
        "Makes retries safe: the same request (method, path, query, content type and body) with the same key from the same API key " +
        "gets the first answer again (Idempotent-Replayed: true) and writes nothing again. Keys are kept Idempotency:KeyHours (default 48). " +
        "Another request with the key is 422 idempotency.key-reused; a retry while the first runs is 409 idempotency.in-progress.";

    /// <summary>The key as sent, or null for none (some generated clients send an empty header for "no key").</summary>
    public static string? Read(HttpRequest request)
    {
        var key = request.Headers[Header].ToString().Trim();
        return key.Length switch
        {
            0 => null,
            > MaxKeyLength => throw TooLong(),
            _ => key,
        };
    }

    /// <summary>
    /// The one rule for "the same request": method, path, query string (parameters sorted), content type and the hash of
    /// the body. A dry run and the real run are different requests; so are two imports of different files.
    /// </summary>
    public static string Fingerprint(HttpRequest request, string bodyHash)
    {
        var query = string.Join('&', request.Query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value));
        var text = $"{request.Method} {request.Path.Value}?{query}\n{request.ContentType?.ToLowerInvariant()}\n{bodyHash}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string Hash(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body));

    /// <summary>The earlier answer again, or the problem that says why it cannot be given.</summary>
    public static IResult Replay(HttpContext http, string key, string fingerprint, EarlierAnswer earlier)
    {
        if (earlier.Fingerprint != fingerprint)
        {
            throw KeyReused(key);
        }
        if (earlier.ResponseStatus is not { } status)
        {
            throw InProgress(key);
        }
        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.Location is not null)
        {
            http.Response.Headers.Location = earlier.Location;
        }
        if (earlier.ETag is not null)
        {
            http.Response.Headers.ETag = earlier.ETag;
        }
        return Results.Text(earlier.ResponseBody ?? "", earlier.ContentType ?? "application/json", Encoding.UTF8, status);
    }

    public static ApiException InProgress(string key) => new(Problems.IdempotencyInProgress, new Text("使用同一 Idempotency-Key 的请求正在处理，请稍后重试以获取其结果。", "A request with the same Idempotency-Key is being processed; retry later to get its answer."),
        new Dictionary<string, object?> { ["idempotencyKey"] = key });

    public static ApiException KeyReused(string key) => new(Problems.IdempotencyKeyReused,
        new Text("该 Idempotency-Key 已用于另一个请求（方法、路径、查询参数、内容类型或请求体不同）。每个不同的请求请使用新的键。",
                 "This Idempotency-Key was used for another request (a different method, path, query, content type or body). Use a new key for each different request."),
        new Dictionary<string, object?> { ["idempotencyKey"] = key });

    public static ApiException TooLong() => new(Problems.RequestInvalidParameter, new Text("Idempotency-Key 须为 1 到 255 个字符。", "An Idempotency-Key has 1 to 255 characters."));
}

/// <summary>What a key answered before: the request's fingerprint, and the answer (null status: still running).</summary>
public sealed record EarlierAnswer(string Fingerprint, int? ResponseStatus, string? ResponseBody, string? ContentType, string? Location, string? ETag);
