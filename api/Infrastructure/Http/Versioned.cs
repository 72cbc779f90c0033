using Microsoft.AspNetCore.Http.HttpResults;

namespace Gaoxin.Api.Infrastructure.Http;

public static class Versioned
{
    /// <summary>A single resource with its ETag, or 304 when the client's If-None-Match says its copy is current.</summary>
    public static Results<Ok<T>, StatusCodeHttpResult> Answer<T>(HttpResponse response, T resource, int version)
    {
        response.Headers.ETag = ETags.Of(version);
        return ETags.NoneMatch(response.HttpContext.Request, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(resource);
    }
}
