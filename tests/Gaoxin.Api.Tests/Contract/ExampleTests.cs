using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Gaoxin.Api.Tests.Contract;

/// <summary>
/// The body examples in openapi.json (api/Infrastructure/OpenApi/Examples/) are true: each validates against its
/// schema, each answer is what the API answers on the seed, and each request body is accepted as it stands.
/// </summary>
public sealed class ExampleTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<Dictionary<string, (OpenApiOperation Operation, string Method, string Path)>> OperationsAsync()
    {
        var document = await OpenApiDocument.FromJsonAsync(await Client.GetStringAsync("/openapi/v1.json"));
        return document.Paths.SelectMany(p => p.Value.Select(o => (o.Value, Method: o.Key, Path: p.Key)))
            .ToDictionary(o => o.Value.OperationId, o => (o.Value, o.Method, o.Path));
    }

    private static JsonNode Example(object example) => JsonNode.Parse(JToken.FromObject(example).ToString())!;

    [Fact]
    public async Task Every_example_validates_against_its_schema_and_the_main_operations_have_them()
    {
        var operations = await OperationsAsync();
        var validator = new JsonSchemaValidator();
        var failures = new List<string>();
        var checkedExamples = new List<string>();
        foreach (var (id, (operation, _, _)) in operations)
        {
            var bodies = (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Select(c => ("request", c.Value))
                .Concat(operation.ActualResponses.SelectMany(r => r.Value.Content.Select(c => (r.Key, c.Value))));
            foreach (var (part, media) in bodies.Where(b => b.Item2.Example is not null))
            {
                checkedExamples.Add($"{id}.{part}");
                var errors = validator.Validate(JToken.FromObject(media.Example!), media.Schema.ActualSchema, SchemaType.OpenApi3)
                    .Where(e => part != "request" || Applies(e));
                failures.AddRange(errors.Select(e => $"{id}.{part}: {e.Path} {e.Kind}"));
            }
        }

        Assert.Empty(failures);
        Assert.Superset(new HashSet<string>
        {
            "getPark.200", "updatePark.request", "createPark.request", "getIndicator.200", "updateIndicator.request", "createIndicator.request",
            "listObservations.200", "putObservation.request", "getPolicy.200", "updatePolicy.request", "createPolicy.request",
            "createMeasure.request", "updateMeasure.request", "createPolicyRelation.request", "matchPolicies.request", "createApiKey.request",
        }, checkedExamples.ToHashSet());
    }

    /// <summary>
    /// Whether a validation error holds for a request body: in OpenAPI 3.0, a read-only member's place in
    /// <c>required</c> binds answers only, and NJsonSchema knows no such rule.
    /// </summary>
    private static bool Applies(ValidationError error) => error switch
    {
        ChildSchemaValidationError child => child.Errors.Values.Any(errors => errors.All(Applies)),
        { Kind: ValidationErrorKind.PropertyRequired, Schema: { } schema, Property: { } name } => !schema.ActualProperties.TryGetValue(name, out var property) || !property.IsReadOnly,
        _ => true,
    };

    [Theory]
    [InlineData("getPark", "/api/v1/parks/haidong-incubator")]
    [InlineData("getIndicator", "/api/v1/indicators/enterprise-rnd-institutions")]
    [InlineData("listObservations", "/api/v1/observations?indicator=enterprise-rnd-institutions&park=zhanjiang-hitech-zone")]
    [InlineData("getPolicy", "/api/v1/policies/high-quality-development-opinions")]
    public async Task An_answer_example_is_what_the_api_answers_on_the_seed(string operationId, string url)
    {
        var example = Example((await OperationsAsync())[operationId].Operation.ActualResponses["200"].Content["application/json"].Example!);
        var answer = JsonNode.Parse(await Client.GetStringAsync(url))!;

        // Examples leave null members out (the schemas allow it); the times depend on when the database was made.
        Assert.Equal(Comparable(answer).ToJsonString(), Comparable(example).ToJsonString());
    }

    private static JsonNode Comparable(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                var kept = new JsonObject();
                foreach (var (name, value) in o.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (value is not null && name is not ("updatedAt" or "recordedAt"))
                    {
                        kept[name] = Comparable(value);
                    }
                }
                return kept;
            case JsonArray a:
                return new JsonArray(a.Select(item => item is null ? null : Comparable(item)).ToArray());
            default:
                return node.DeepClone();
        }
    }

    [Fact]
    public async Task Every_request_example_is_accepted_as_it_stands()
    {
        var operations = await OperationsAsync();
        JsonNode Body(string operationId) => Example(operations[operationId].Operation.RequestBody!.Content["application/json"].Example!);

        async Task Expect(HttpStatusCode status, HttpMethod method, string url, string operationId, bool ifMatch = false)
        {
            using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(Body(operationId)) };
            if (ifMatch)
            {
                request.Headers.TryAddWithoutValidation("If-Match", (await Client.GetAsync(url)).Headers.ETag!.Tag);
            }
            var response = await Client.SendAsync(request);
            Assert.True(response.StatusCode == status, $"{operationId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        await Expect(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/parks", "createPark");
        await Expect(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/parks/haidong-incubator", "updatePark", ifMatch: true);
        await Expect(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/indicators", "createIndicator");
        await Expect(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/indicators/enterprise-rnd-institutions", "updateIndicator", ifMatch: true);
        await Expect(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/policies/high-quality-development-opinions", "updatePolicy", ifMatch: true);

        using (var figure = new HttpRequestMessage(HttpMethod.Put, "/api/v1/observations") { Content = JsonContent.Create(Body("putObservation")) })
        {
            figure.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(figure)).StatusCode);
        }

        var policy = Body("createPolicy")["id"]!.GetValue<string>();
        var measure = Body("createMeasure")["code"]!.GetValue<string>();
        await Expect(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/policies", "createPolicy");
        await Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/policies/{policy}/measures", "createMeasure");
        await Expect(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/policies/{policy}/measures/{measure}", "updateMeasure", ifMatch: true);
        await Expect(HttpStatusCode.Created, HttpMethod.Post, $"/api/v1/policies/{policy}/relations", "createPolicyRelation");
        await Expect(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/policy-matches", "matchPolicies");
        await Expect(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/api-keys", "createApiKey");
    }
}
