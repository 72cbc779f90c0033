using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Security;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Declares the headers answers carry, once every response is in the document (after all operation filters):
/// RateLimit-* on every answer but the health probes; Retry-After on 503; ETag on a success that returns a versioned resource (one with a
/// <c>version</c>); Location on a 201 and on an import's report; Idempotent-Replayed where an Idempotency-Key is taken;
/// Gaoxin-Consistency on a write's success.
/// </summary>
public sealed class ResponseHeadersDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var idempotent = operation.Parameters?.Any(p => p.Name == "Idempotency-Key") == true;
                foreach (var (status, response) in operation.Responses ?? [])
                {
                    if (response is not OpenApiResponse answer)
                    {
                        continue;
                    }
                    answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    if (!RateLimiting.IsProbe(path))
                    {
                        answer.Headers.TryAdd("RateLimit-Limit", Integer("Requests allowed per minute for this key (or, without a key, this client address)."));
                        answer.Headers.TryAdd("RateLimit-Remaining", Integer("Requests left in the current one-minute window."));
                        answer.Headers.TryAdd("RateLimit-Reset", Integer("Seconds until the window resets."));
                    }
                    if (status == "503")
                    {
                        answer.Headers.TryAdd("Retry-After", Integer("Seconds to wait before retrying."));
                    }
                    if (!status.StartsWith('2'))
                    {
                        continue;
                    }
                    if (IsVersioned(answer, document))
                    {
                        answer.Headers.TryAdd("ETag", Text("The version of the resource, for If-Match (changes) and If-None-Match (reads).", 20));
                    }
                    if (status == "201" || path.EndsWith("/imports/{kind}", StringComparison.Ordinal))
                    {
                        answer.Headers.TryAdd("Location", Text("Where the resource (or the import's report) is read.", 300));
                    }
                    if (method != HttpMethod.Get && path.StartsWith("/api/", StringComparison.Ordinal))
                    {
                        answer.Headers.TryAdd(Consistency.Header, new OpenApiHeader
                        {
                            Description = "写入提交后的日志位置：之后的读取原样带上它即可读到这次写入。The commit's log position: send it with later reads to see this write (read your writes across processes and standbys).",
                            Schema = ConsistencyOperationFilter.TokenSchema(),
                        });
                    }
                    if (idempotent)
                    {
                        answer.Headers.TryAdd("Idempotent-Replayed", Text("\"true\" when this is the stored answer to an earlier request with the same Idempotency-Key.", 5));
                    }
                }
            }
        }
    }

    private static bool IsVersioned(OpenApiResponse answer, OpenApiDocument document) =>
        answer.Content?.Values.Select(m => m.Schema).OfType<OpenApiSchemaReference>().Any(reference =>
            document.Components?.Schemas?.TryGetValue(reference.Reference.Id ?? "", out var schema) == true &&
            schema.Properties?.ContainsKey("version") == true) == true;

    private static OpenApiHeader Integer(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0", Maximum = "2147483647" },
    };

    private static OpenApiHeader Text(string description, int maxLength) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = maxLength },
    };
}
