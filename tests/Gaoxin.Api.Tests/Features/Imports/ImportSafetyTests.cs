using System.Net;
using System.Text;
using static Gaoxin.Api.Tests.Features.Imports.Imports;

namespace Gaoxin.Api.Tests.Features.Imports;

/// <summary>What makes an import safe to run unattended: idempotency keys, limits, clear refusals.</summary>
public sealed class ImportSafetyTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string Figures = Csv(
        "incubators,haidong,2024,,2,2024-12-31,,",
        "incubating-enterprises,haidong-incubator,2024,,25,2024-12-31,,");

    [Fact]
    public async Task The_same_key_and_body_replays_the_first_report_and_writes_nothing_again()
    {
        var first = await Client.PostCsvAsync("observations", Figures, idempotencyKey: "stats-office-2024");
        var firstReport = await first.ReportAsync();
        var revisions = await CountAsync("observation_revisions");

        var again = await Client.PostCsvAsync("observations", Figures, idempotencyKey: "stats-office-2024");
        var againReport = await again.ReportAsync();

        Assert.Equal(firstReport.Id, againReport.Id);
        Assert.Equal(2, againReport.Created); // the first report, not "2 unchanged"
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(revisions, await CountAsync("observation_revisions"));
        Assert.Equal(1, await CountAsync("imports"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422()
    {
        await (await Client.PostCsvAsync("observations", Figures, idempotencyKey: "k-1")).ReportAsync();
        await (await Client.PostCsvAsync("observations", Figures.Replace(",2,", ",3,"), idempotencyKey: "k-1"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
    }

    [Fact]
    public async Task Two_requests_with_the_same_key_at_once_make_one_import()
    {
        // Enough rows that the first is still running when the second arrives.
        var rows = Enumerable.Range(0, 4000).Select(i => $"incubating-enterprises,haidong-incubator,{new DateOnly(2000, 1, 1).AddDays(i):yyyy-MM-dd},,{i % 50},2024-12-31,,");
        var csv = Csv(rows.ToArray());

        var responses = await Task.WhenAll(
            Client.PostCsvAsync("observations", csv, idempotencyKey: "concurrent"),
            Client.PostCsvAsync("observations", csv, idempotencyKey: "concurrent"));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.ReadProblemAsync(HttpStatusCode.Conflict, "idempotency.in-progress");
        }
        Assert.Equal(1, await CountAsync("imports"));
        Assert.Equal(4000 + 17, await CountAsync("observation_revisions"));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_writes_nothing()
    {
        var big = Csv(Enumerable.Range(0, 30_000).Select(i => $"incubators,haidong,2024,,{i},2024-12-31,,{new string('x', 20)}").ToArray());
        Assert.True(Encoding.UTF8.GetByteCount(big) > 1024 * 1024);
        await (await Client.PostCsvAsync("observations", big)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "request.body-too-large");
        Assert.Equal(17, await CountAsync("observations"));
    }

    [Fact]
    public async Task More_rows_than_allowed_is_413()
    {
        var rows = Csv(Enumerable.Range(0, 5001).Select(i => $"incubators,haidong,{new DateOnly(2000, 1, 1).AddDays(i):yyyy-MM-dd},,1,2024-12-31,,").ToArray());
        var problem = await (await Client.PostCsvAsync("observations", rows)).ReadProblemAsync(HttpStatusCode.RequestEntityTooLarge, "import.too-many-rows");
        Assert.Equal(5000, problem.GetProperty("maxRows").GetInt32());
        Assert.Equal(17, await CountAsync("observations"));
    }

    [Theory]
    [InlineData("observations", "text/plain")]
    [InlineData("observations", "application/xml")]
    [InlineData("observations", "text/csv; charset=latin1")]
    [InlineData("policies", "text/csv")]
    public async Task An_unknown_content_type_is_a_clear_415(string kind, string contentType)
    {
        var problem = await (await Client.PostAsync(kind, Encoding.UTF8.GetBytes(Figures), contentType)).ReadProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported-media-type");
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_kind_is_400_and_an_unknown_import_404()
    {
        await (await Client.PostCsvAsync("unicorns", Figures)).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
        await (await Client.GetAsync($"/api/v1/import-reports/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound, "import.not-found");
    }
}
