namespace Gaoxin.Api.Infrastructure.Errors;

/// <summary>Codes shared by every resource. Feature-specific codes live beside their feature.</summary>
public static class ProblemCodes
{
    public const string ValidationFailed = "request.validation-failed";
    public const string MalformedBody = "request.malformed-body";
    public const string InvalidParameter = "request.invalid-parameter";
    public const string BodyTooLarge = "request.body-too-large";
    public const string UnsupportedMediaType = "request.unsupported-media-type";
    public const string RouteNotFound = "route.not-found";
    public const string MethodNotAllowed = "route.method-not-allowed";
    public const string Duplicate = "conflict.duplicate";
    public const string InUse = "conflict.in-use";
    public const string DatabaseUnavailable = "server.database-unavailable";
    public const string ServerError = "server.error";
}
