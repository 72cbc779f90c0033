using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gaoxin.Api.Tests.Features.Observations;

namespace Gaoxin.Api.Tests.Infrastructure;

/// <summary>What a generated client and a municipal system read from the contract before sending anything.</summary>
public sealed class ContractTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<JsonElement> DocumentAsync() => JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;

    /// <summary>Every schema a request body can reach, following $refs, properties, items and allOf.</summary>
    private static IEnumerable<(string Schema, string Property, JsonElement Definition)> RequestProperties(JsonElement document)
    {
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var pending = new Stack<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    foreach (var media in body.GetProperty("content").EnumerateObject())
                    {
                        foreach (var reference in References(media.Value.GetProperty("schema")))
                        {
                            pending.Push(reference);
                        }
                    }
                }
            }
        }
        var seen = new HashSet<string>();
        while (pending.TryPop(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }
            var schema = schemas.GetProperty(name);
            if (!schema.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            foreach (var property in properties.EnumerateObject())
            {
                // A read-only member is never written: a PUT may only echo it as read (the server holds it to that).
                if (property.Value.TryGetProperty("readOnly", out var readOnly) && readOnly.GetBoolean())
                {
                    continue;
                }
                yield return (name, property.Name, property.Value);
                foreach (var reference in References(property.Value))
                {
                    pending.Push(reference);
                }
            }
        }
    }

    private static IEnumerable<string> References(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            yield return reference.GetString()!.Split('/').Last();
        }
        foreach (var nested in new[] { "items", "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(nested, out var inner))
            {
                foreach (var element in inner.ValueKind == JsonValueKind.Array ? inner.EnumerateArray().ToArray() : [inner])
                {
                    foreach (var found in References(element))
                    {
                        yield return found;
                    }
                }
            }
        }
    }

    private async Task<List<(string Schema, string Property, JsonElement Definition)>> ReachableRequestPropertiesAsync()
    {
        var properties = RequestProperties(await DocumentAsync()).ToList();
        // The walk must reach nested request types, or the checks below would pass on nothing.
        Assert.Contains(properties, p => p.Schema == "BreakdownValueInput");
        Assert.Contains(properties, p => p.Schema == "MeasureConditions");
        return properties;
    }

    private static string? Type(JsonElement schema) => schema.TryGetProperty("type", out var type) ? type.GetString() : null;

    [Fact]
    public async Task Every_string_a_client_sends_in_a_body_declares_its_maximum_length()
    {
        static bool Unbounded(JsonElement s) => Type(s) == "string" && !s.TryGetProperty("maxLength", out _) && !s.TryGetProperty("enum", out _);

        var unbounded = (await ReachableRequestPropertiesAsync())
            .Where(p => Unbounded(p.Definition) || (p.Definition.TryGetProperty("items", out var items) && Unbounded(items)))
            .Select(p => $"{p.Schema}.{p.Property}")
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task Every_integer_a_client_sends_in_a_body_declares_its_range()
    {
        var unbounded = (await ReachableRequestPropertiesAsync())
            .Where(p => Type(p.Definition) == "integer" && !(p.Definition.TryGetProperty("minimum", out _) && p.Definition.TryGetProperty("maximum", out _)))
            .Select(p => $"{p.Schema}.{p.Property}")
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task Every_list_a_client_sends_in_a_body_declares_its_maximum_size()
    {
        var unbounded = (await ReachableRequestPropertiesAsync())
            .Where(p => Type(p.Definition) == "array" && !p.Definition.TryGetProperty("maxItems", out _))
            .Select(p => $"{p.Schema}.{p.Property}")
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task Every_parameter_declares_its_bounds()
    {
        var unbounded = new List<string>();
        foreach (var path in (await DocumentAsync()).GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    continue;
                }
                foreach (var parameter in parameters.EnumerateArray())
                {
                    var schema = parameter.GetProperty("schema");
                    var bounded = Type(schema) switch
                    {
                        "string" => schema.TryGetProperty("maxLength", out _),
                        "integer" => schema.TryGetProperty("minimum", out _) && schema.TryGetProperty("maximum", out _),
                        _ => true, // booleans, and enums (a $ref)
                    };
                    if (!bounded)
                    {
                        unbounded.Add($"{operation.Name} {path.Name} {parameter.GetProperty("name").GetString()}");
                    }
                }
            }
        }
        Assert.Empty(unbounded);
    }

    [Fact]
    public async Task An_If_Match_over_its_declared_maximum_is_400_and_changes_nothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/parks/yuexi-data-valley");
        request.Headers.TryAddWithoutValidation("If-Match", string.Join(", ", Enumerable.Range(1, 300).Select(i => $"\"{i}\"")));

        await (await Client.SendAsync(request)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/parks/yuexi-data-valley")).StatusCode);
    }

    [Fact]
    public async Task Every_operation_but_the_probes_declares_the_429_of_the_rate_limiter_with_Retry_After()
    {
        var missing = new List<string>();
        var probes = new List<string>();
        foreach (var path in (await DocumentAsync()).GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var declared = operation.Value.GetProperty("responses").TryGetProperty("429", out var tooMany) && tooMany.GetProperty("headers").TryGetProperty("Retry-After", out _);
                if (path.Name.StartsWith("/health/", StringComparison.Ordinal))
                {
                    probes.AddRange(declared ? [$"{operation.Name} {path.Name}"] : []);
                }
                else if (!declared)
                {
                    missing.Add($"{operation.Name} {path.Name}");
                }
            }
        }
        Assert.Empty(missing);
        Assert.Empty(probes); // a load balancer's probe is never limited, so it is never told it might be
    }

    [Fact]
    public async Task A_list_over_its_declared_maximum_is_400_naming_the_field()
    {
        var parts = Enumerable.Range(1, 21).Select(i => ($"m{i}", 1m)).ToArray();

        var problem = await (await Client.PutAsJsonAsync("/api/v1/observations", ObservationRequests.Put("enterprise-rnd-institutions", "haidong", "2023", null, parts), Http.Json))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("breakdown", out _), problem.ToString());
    }
}
