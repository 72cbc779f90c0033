using System.Net;
using System.Text;
using Dapper;
using Gaoxin.Api.Features.Imports;
using Gaoxin.Contracts.Imports;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Gaoxin.Api.Tests.Features.Imports.Imports;

namespace Gaoxin.Api.Tests.Features.Imports;

/// <summary>The import holes an outside audit found: keys, leases, slots, bodies, records and who may read a report.</summary>
public sealed class ImportTrustTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string Figures = Csv("incubators,haidong,2024,,2,2024-12-31,,");

    [Fact]
    public async Task A_dry_run_and_the_real_run_are_different_requests_for_an_idempotency_key()
    {
        var dry = await (await Client.PostCsvAsync("observations", Figures, "dryRun=true", idempotencyKey: "figures-2024")).ReportAsync();
        Assert.True(dry.DryRun);

        // Before, this replayed the dry run and wrote nothing.
        await (await Client.PostCsvAsync("observations", Figures, idempotencyKey: "figures-2024"))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.key-reused");
        var real = await (await Client.PostCsvAsync("observations", Figures, idempotencyKey: "figures-2024-real")).ReportAsync();
        Assert.Equal((false, 1), (real.DryRun, real.Created));
    }

    [Fact]
    public async Task Keys_belong_to_the_api_key_that_sent_them()
    {
        await Factory.AddKeyAsync("other-importer", "gx_otherimp_hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh", ["import"], park: null);
        using var other = Factory.ClientWithKey("gx_otherimp_hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh");

        var mine = await (await Client.PostCsvAsync("observations", Figures, idempotencyKey: "shared-name")).ReportAsync();
        var theirs = await (await other.PostCsvAsync("observations", Figures, idempotencyKey: "shared-name")).ReportAsync();

        Assert.NotEqual(mine.Id, theirs.Id); // not a replay of someone else's import
        Assert.Equal(1, theirs.Unchanged);
    }

    [Fact]
    public async Task A_key_held_by_an_import_whose_process_died_is_free_again_after_its_lease()
    {
        await using (var connection = await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync())
        {
            // What a crash leaves: a reservation still running, its lease run out.
            await connection.ExecuteAsync("""
                insert into idempotency_keys (caller, key, fingerprint, created_at, expires_at, lease_until)
                values ('test-admin', 'crashed', 'whatever', now() - interval '1 hour', now() + interval '47 hours', now() - interval '1 minute')
                """);
        }
        var report = await (await Client.PostCsvAsync("observations", Figures, idempotencyKey: "crashed")).ReportAsync();
        Assert.Equal(1, report.Created);
    }

    [Fact]
    public async Task When_every_import_slot_is_taken_an_import_is_503_with_retry_after_and_reads_nothing()
    {
        var slots = Factory.Services.GetRequiredService<ImportSlots>();
        using var first = slots.TryTake();
        using var second = slots.TryTake();

        var response = await Client.PostCsvAsync("observations", Figures);
        await response.ReadProblemAsync(HttpStatusCode.ServiceUnavailable, "import.busy");
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal(0, await CountAsync("imports"));
    }

    [Theory]
    [InlineData("observations", "text/csv")]
    [InlineData("parks", "text/csv")]
    [InlineData("indicators", "application/json")]
    [InlineData("policies", "application/x-ndjson")]
    public async Task An_empty_body_is_a_clear_400(string kind, string contentType)
    {
        var problem = await (await Client.PostAsync(kind, [], contentType)).ReadProblemAsync(HttpStatusCode.BadRequest, "import.malformed");
        Assert.Contains("请求体为空", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Ndjson_with_invalid_utf8_is_refused_like_csv_not_repaired()
    {
        var body = Encoding.UTF8.GetBytes("{\"indicatorCode\":\"incubators\",\"parkCode\":\"haidong\",\"period\":\"2024\",\"value\":2,\"asOf\":\"2024-12-31\",\"note\":\"")
            .Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\"}\n")).ToArray();
        await (await Client.PostAsync("observations", body, "application/x-ndjson")).ReadProblemAsync(HttpStatusCode.BadRequest, "import.invalid-encoding");
        Assert.Equal(17, await CountAsync("observations"));
    }

    [Theory]
    [InlineData("application/x-ndjson")]
    [InlineData("application/json")]
    public async Task One_record_over_the_limit_is_refused_naming_it_without_holding_it(string contentType)
    {
        var huge = "{\"indicatorCode\":\"incubators\",\"parkCode\":\"haidong\",\"period\":\"2024\",\"value\":2,\"asOf\":\"2024-12-31\",\"note\":\"" + new string('x', 200_000) + "\"}";
        var good = "{\"indicatorCode\":\"incubators\",\"parkCode\":\"haidong\",\"period\":\"2023\",\"value\":1,\"asOf\":\"2023-12-31\"}";
        var body = contentType == "application/json" ? $"[{good},{huge}]" : $"{good}\n{huge}\n";
        var problem = await (await Client.PostAsync("observations", Encoding.UTF8.GetBytes(body), contentType))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "import.record-too-large");
        Assert.Contains("2", problem.GetProperty("detail").GetString()); // the second record
        Assert.Equal(17, await CountAsync("observations"));
    }

    [Fact]
    public async Task An_import_report_is_read_by_its_own_key_and_admins_only()
    {
        await Factory.AddKeyAsync("importer-a", "gx_importra_iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii", ["import"], park: null);
        await Factory.AddKeyAsync("importer-b", "gx_importrb_jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj", ["import"], park: null);
        using var a = Factory.ClientWithKey("gx_importra_iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii");
        using var b = Factory.ClientWithKey("gx_importrb_jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj");

        var response = await a.PostCsvAsync("observations", Figures);
        var report = await response.ReportAsync();
        Assert.Equal($"/api/v1/import-reports/{report.Id}", response.Headers.Location?.OriginalString);

        Assert.Equal(report.Id, (await (await a.GetAsync($"/api/v1/import-reports/{report.Id}")).ReadAsync<ImportReportDto>()).Id);
        Assert.Equal(report.Id, (await (await Client.GetAsync($"/api/v1/import-reports/{report.Id}")).ReadAsync<ImportReportDto>()).Id);
        await (await b.GetAsync($"/api/v1/import-reports/{report.Id}")).ReadProblemAsync(HttpStatusCode.NotFound, "import.not-found");
    }
}
