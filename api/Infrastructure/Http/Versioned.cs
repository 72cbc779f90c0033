using Microsoft.AspNetCore.Http.HttpResults;

namespace Gaoxin.Api.Infrastructure.Http;

public static class Versioned
{
    /// <summary>
    /// How every create answers: 201 with the new resource, <c>Location</c> naming the GET that reads it, and its
    /// <c>ETag</c>, so the next change can be sent with If-Match without reading it again.
    /// </summary>
    public static Created<T> Created<T>(HttpResponse response, string location, T resource, int version)
    {
        response.Headers.ETag = ETags.Of(version);
        return TypedResults.Created(location, resource);
    }

    /// <summary>A single resource with its ETag, or 304 when the client's If-None-Match says its copy is current.</summary>
    public static Results<Ok<T>, StatusCodeHttpResult> Answer<T>(HttpResponse response, T resource, int version)
    {
        response.Headers.ETag = ETags.Of(version);
        return ETags.NoneMatch(response.HttpContext.Request, version)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(resource);
    }
}
