using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Gaoxin.Api.Infrastructure.Http;

/// <summary>
/// An answer whose JSON is written once and sent as bytes every time after. A kept answer
/// (<see cref="Database.CommittedCache"/>) is read many times between writes; for a long series (2,400 figures, 820 KB)
/// serializing it again was most of each request's CPU (docs/BENCHMARKS.md). The bytes are those
/// <c>TypedResults.Ok</c> would write, with the same options.
/// </summary>
public sealed class SerializedOnce<T>(T value) where T : class
{
    private byte[]? _json;

    public T Value { get; } = value;

    /// <summary>The JSON, made on the first call. Two first calls at once both serialize; either result is the same.</summary>
    public byte[] Json(JsonSerializerOptions options) => _json ??= JsonSerializer.SerializeToUtf8Bytes(Value, options);
}

/// <summary>200 with a <see cref="SerializedOnce{T}"/>'s bytes. Declares the same response as <c>Ok&lt;T&gt;</c>, so the
/// OpenAPI document does not change.</summary>
public sealed class OkSerialized<T>(SerializedOnce<T> answer) : IResult, IEndpointMetadataProvider where T : class
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var json = answer.Json(options);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await httpContext.Response.Body.WriteAsync(json, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
