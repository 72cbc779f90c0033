using System.Net;

namespace Gaoxin.Api.Tests.Infrastructure;

public sealed class ErrorResponseTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task An_unknown_api_route_is_a_404_problem()
    {
        await (await Client.GetAsync("/api/v1/spaceports")).ReadProblemAsync(HttpStatusCode.NotFound, "route.not-found");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem()
    {
        var response = await Client.PatchAsync("/api/v1/parks", new StringContent("{}"));
        await response.ReadProblemAsync(HttpStatusCode.MethodNotAllowed, "route.method-not-allowed");
    }

    [Fact]
    public async Task Problems_are_english_when_asked_and_carry_a_trace_id()
    {
        var problem = await (await Client.GetAsync("/api/v1/spaceports", "en")).ReadProblemAsync(HttpStatusCode.NotFound, "route.not-found");
        Assert.Equal("Not found", problem.GetProperty("title").GetString());
        Assert.Equal("urn:gaoxin:problem:route.not-found", problem.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task The_openapi_document_is_served_at_a_stable_url_and_swagger_ui_at_swagger()
    {
        var document = await Client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("\"operationId\": \"getParkTree\"", document);

        var ui = await Client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
    }
}
