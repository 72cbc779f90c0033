using System.Globalization;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Infrastructure.Http;

/// <summary>A resource's version as an HTTP entity tag: <c>"7"</c>. Every single resource has a version that each change raises.</summary>
public static class ETags
{
    /// <summary>The longest If-Match or If-None-Match accepted (many ETags in one header); longer is 400.</summary>
    public const int MaxHeaderLength = 1000;

    public static string Of(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>True when an If-None-Match header names this version (or *): the client's copy is current.</summary>
    public static bool NoneMatch(HttpRequest request, int version)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        return header.Length > 0 && IfMatch.Parse(header)!.Matches(version);
    }
}

/// <summary>The ETag (or ETags, or *) of the version being changed, as read: "7".</summary>
/// <remarks>
/// Checked by the handler while it holds the row lock, so that of two clients writing over the same version exactly
/// one wins. Missing on a resource that exists: 428; stale: 412. Endpoints bind it from the header
/// (<c>[FromHeader(Name = "If-Match")] IfMatch? ifMatch</c>); an over-long header is a 400.
/// </remarks>
public sealed record IfMatch(bool Any, IReadOnlySet<int> Versions)
{
    /// <summary>How endpoints bind the header: absent or blank is null (no precondition), too long is refused.</summary>
    public static bool TryParse(string? header, out IfMatch? result)
    {
        result = null;
        if (header is { Length: > ETags.MaxHeaderLength })
        {
            return false;
        }
        result = Parse(header ?? "");
        return true;
    }

    public static IfMatch? Parse(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        if (header.Length > ETags.MaxHeaderLength)
        {
            throw new ApiException(Problems.RequestInvalidParameter, new Text($"If-Match 与 If-None-Match 最长 {ETags.MaxHeaderLength} 个字符。", $"If-Match and If-None-Match hold at most {ETags.MaxHeaderLength} characters."));
        }
        var versions = new HashSet<int>();
        foreach (var tag in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag == "*")
            {
                return new IfMatch(true, versions);
            }
            var value = (tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag).Trim('"');
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }
        return new IfMatch(false, versions);
    }

    public bool Matches(int version) => Any || Versions.Contains(version);
}

public static class Preconditions
{
    /// <summary>Checks a write against the version the resource has now.</summary>
    public static void Check(this IfMatch? ifMatch, int currentVersion)
    {
        if (ifMatch is null)
        {
            throw new ApiException(Problems.PreconditionRequired, new Text("修改已有资源时请发送 If-Match 请求头，值为读取时得到的 ETag，以免覆盖他人的修改。",
                         "Send If-Match with the ETag you read, so that you cannot overwrite a change you have not seen."),
                new Dictionary<string, object?> { ["currentETag"] = ETags.Of(currentVersion) });
        }
        if (!ifMatch.Matches(currentVersion))
        {
            throw new ApiException(Problems.PreconditionFailed, new Text("资源在您读取之后已被修改：请重新读取，核对后再提交。", "The resource changed since you read it: read it again, check, and send your change again."),
                new Dictionary<string, object?> { ["currentETag"] = ETags.Of(currentVersion) });
        }
    }
}
