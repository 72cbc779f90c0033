using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Gaoxin.Api.Tests.Contract;

/// <summary>
/// Checks one real answer against what openapi.json declares for its operation: the status is declared, the media
/// type is declared for that status, the body validates against the declared schema (with OpenAPI 3.0's rules, so
/// <c>nullable</c> counts), and declared required headers are there.
/// </summary>
public static class AnswerValidator
{
    private static readonly JsonSchemaValidator Validator = new();

    public static IReadOnlyList<string> Check(OpenApiOperation operation, HttpResponseMessage response, string body)
    {
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.ActualResponses.TryGetValue(status, out var declared) && !operation.ActualResponses.TryGetValue("default", out declared))
        {
            return [$"status {status} is not declared (declared: {string.Join(", ", operation.ActualResponses.Keys)})"];
        }
        var problems = new List<string>();
        foreach (var (name, header) in declared.Headers)
        {
            if (header.IsRequired && !response.Headers.Contains(name) && !response.Content.Headers.Contains(name))
            {
                problems.Add($"required header {name} is missing");
            }
        }
        if (body.Length == 0 || response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.NotModified)
        {
            if (body.Length > 0)
            {
                problems.Add($"a {status} answer has a body");
            }
            return problems;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "(none)";
        if (!declared.Content.TryGetValue(mediaType, out var media))
        {
            problems.Add($"media type {mediaType} is not declared for {status} (declared: {string.Join(", ", declared.Content.Keys)})");
            return problems;
        }
        if (media.Schema is null)
        {
            return problems;
        }
        JToken token;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.ReadFrom(reader);
        }
        catch (JsonReaderException e)
        {
            return [.. problems, $"the body is not JSON: {e.Message}"];
        }
        problems.AddRange(Validator.Validate(token, media.Schema.ActualSchema, SchemaType.OpenApi3).Select(Describe));
        return problems;
    }

    private static string Describe(ValidationError error) => error switch
    {
        ChildSchemaValidationError child => $"{error.Path}: {error.Kind} ({string.Join("; ", child.Errors.SelectMany(e => e.Value).Select(Describe))})",
        _ => $"{error.Path}: {error.Kind}",
    };
}
