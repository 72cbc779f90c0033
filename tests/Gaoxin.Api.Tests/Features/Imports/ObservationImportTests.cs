using System.Net;
using System.Text;
using Gaoxin.Contracts.Imports;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Imports.Imports;

namespace Gaoxin.Api.Tests.Features.Imports;

public sealed class ObservationImportTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly string Good = Csv(
        "incubators,haidong,2024,,3,2024-12-31,,年报",
        "incubators,haidong,2024,national,1,2024-12-31,,",
        "incubators,haidong,2024,municipal,2,2024-12-31,,",
        "incubating-enterprises,haidong-incubator,2024,,25,2024-12-31,,",
        "land-acquisition-launched,haidong,2024,,6200.5,2024/12/31,,");

    private async Task<ObservationDto?> FigureAsync(string indicator, string park, string period)
    {
        var page = await (await Client.GetAsync($"/api/v1/observations?indicator={indicator}&park={park}&from={period}&to={period}")).ReadAsync<ObservationPage>();
        return page.Items.SingleOrDefault(o => o.Period == period);
    }

    [Fact]
    public async Task A_csv_import_creates_the_figures_and_writes_their_history_with_the_import_as_source()
    {
        var report = await (await Client.PostCsvAsync("observations", Good)).ReportAsync();

        Assert.True(report.Committed);
        Assert.Equal((5, 5, 0, 0, 0), (report.TotalRows, report.Created, report.Updated, report.Unchanged, report.Rejected));
        var incubators = await FigureAsync("incubators", "haidong", "2024");
        Assert.Equal(3, incubators!.Value);
        Assert.Equal([("national", 1m), ("municipal", 2m)], incubators.Breakdown.Select(b => (b.Member, b.Value)));
        Assert.Equal("年报", incubators.Note);
        Assert.Equal(6200.5m, (await FigureAsync("land-acquisition-launched", "haidong", "2024"))!.Value);

        var history = await (await Client.GetAsync("/api/v1/observations/history?indicator=incubators&park=haidong&period=2024")).ReadAsync<ObservationRevisionPage>();
        var revisions = history.Items;
        Assert.Equal(ApiFactory.TestAdminDisplayName, Assert.Single(revisions).RecordedBy); // the key's display name, never an import id

        var stored = await (await Client.GetAsync($"/api/v1/import-reports/{report.Id}")).ReadAsync<ImportReportDto>();
        Assert.Equal(report with { Problems = [], SubmittedRounds = [] }, stored with { Problems = [], SubmittedRounds = [] });
        Assert.Empty(stored.SubmittedRounds);
    }

    [Fact]
    public async Task The_articles_figures_as_csv_are_all_unchanged_against_the_seed()
    {
        var csv = await File.ReadAllTextAsync(SamplePath("observations-article-2023-03-31.csv"));
        var report = await (await Client.PostCsvAsync("observations", csv)).ReportAsync();
        Assert.Equal((24, 0, 0, 24, 0), (report.TotalRows, report.Created, report.Updated, report.Unchanged, report.Rejected));
        Assert.Equal(17, await CountAsync("observation_revisions")); // nothing new in the history
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_and_writes_nothing()
    {
        var before = (await CountAsync("observations"), await CountAsync("observation_revisions"));
        var report = await (await Client.PostCsvAsync("observations", Good, "dryRun=true")).ReportAsync();

        Assert.True(report.DryRun);
        Assert.False(report.Committed);
        Assert.Equal(5, report.Created);
        Assert.Equal(before, (await CountAsync("observations"), await CountAsync("observation_revisions")));
    }

    private static readonly string OneBadInTheMiddle = Csv(
        "incubators,haidong,2024,,3,2024-12-31,,",
        "incubators,haidong,2024,national,1,2024-12-31,,",
        "incubators,haidong,2024,municipal,2,2024-12-31,,",
        "maker-spaces,haidong,2024,,2.5,2024-12-31,,",
        "incubating-enterprises,haidong-incubator,2024,,25,2024-12-31,,");

    [Fact]
    public async Task Atomic_mode_writes_nothing_when_one_row_in_the_middle_is_bad()
    {
        var before = await CountAsync("observations");
        var report = await (await Client.PostCsvAsync("observations", OneBadInTheMiddle)).RejectedReportAsync();

        Assert.False(report.Committed);
        Assert.Equal(1, report.Rejected);
        var problem = Assert.Single(report.Problems);
        Assert.Equal((5, "value", "request.validation-failed"), (problem.Line, problem.Column, problem.Code));
        Assert.Equal("计数必须是非负整数。", problem.Message);
        Assert.Equal(before, await CountAsync("observations"));
    }

    [Fact]
    public async Task Rows_mode_writes_exactly_the_good_rows()
    {
        var report = await (await Client.PostCsvAsync("observations", OneBadInTheMiddle, "mode=rows", language: "en")).ReportAsync();

        Assert.True(report.Committed);
        Assert.Equal((4, 1), (report.Created, report.Rejected));
        Assert.Equal("A count must be a whole number, zero or more.", report.Problems.Single().Message);
        Assert.NotNull(await FigureAsync("incubators", "haidong", "2024"));
        Assert.NotNull(await FigureAsync("incubating-enterprises", "haidong-incubator", "2024"));
        Assert.Null(await FigureAsync("maker-spaces", "haidong", "2024"));
    }

    [Fact]
    public async Task The_report_names_each_rejected_rows_line_column_and_code()
    {
        var csv = Csv(
            "enterprise-rnd-institutions,haidong,2024,,80,2024-12-31,,",          // 2: total
            "enterprise-rnd-institutions,haidong,2024,provincial,29,2024-12-31,,", // 3
            "enterprise-rnd-institutions,haidong,2024,municipal,49,2024-12-31,,",  // 4: 29 + 49 <> 80
            "unicorns,haidong,2024,,1,2024-12-31,,",                                // 5
            "incubators,atlantis,2024,,1,2024-12-31,,",                             // 6
            "incubators,haidong,last year,,1,2024-12-31,,",                         // 7
            "incubators,haidong,2025,regional,1,2024-12-31,,",                      // 8
            "incubators,haidong,2026,,1,31.12.2024,,",                              // 9
            "incubators,haidong,2027,,1,2024-12-31,rumour,",                        // 10
            "enterprise-rnd-institutions,zhanjiang-hitech-zone,2023-03-31,,80,2023-03-31,,", // 11: a correction without a note
            "incubators,haidong,2027,,1,2024-12-31,,");                             // 12: the same total again

        var report = await (await Client.PostCsvAsync("observations", csv, "mode=rows")).ReportAsync();

        Assert.Equal(
            [(2, "value", "observation.total-mismatch"), (3, "value", "observation.total-mismatch"), (4, "value", "observation.total-mismatch"),
             (5, "indicator_code", "indicator.not-found"), (6, "park_code", "park.not-found"), (7, "period", "import.invalid-value"),
             (8, "breakdown_member", "request.validation-failed"), (9, "as_of", "import.invalid-value"), (10, "source", "source.not-found"),
             (11, "note", "observation.correction-needs-note"), (12, "breakdown_member", "import.duplicate-row")],
            report.Problems.Select(p => (p.Line, p.Column, p.Code)));
        Assert.Equal((11, 0, 11), (report.TotalRows, report.Created, report.Rejected));
        Assert.Equal(report.Problems.Count, report.ProblemCount);
    }

    [Fact]
    public async Task A_correction_with_a_note_updates_and_an_identical_figure_stays_unchanged()
    {
        var csv = Csv(
            "enterprise-rnd-institutions,zhanjiang-hitech-zone,2023-03-31,,80,2023-03-31,article-2023-03-31,Illustrative correction",
            "enterprise-rnd-institutions,zhanjiang-hitech-zone,2023-03-31,provincial,30,2023-03-31,article-2023-03-31,",
            "enterprise-rnd-institutions,zhanjiang-hitech-zone,2023-03-31,municipal,50,2023-03-31,article-2023-03-31,",
            "incubators,zhanjiang-hitech-zone,2023-03-31,,5,2023-03-31,article-2023-03-31,",
            "incubators,zhanjiang-hitech-zone,2023-03-31,national,1,2023-03-31,article-2023-03-31,",
            "incubators,zhanjiang-hitech-zone,2023-03-31,municipal,4,2023-03-31,article-2023-03-31,");

        var report = await (await Client.PostCsvAsync("observations", csv)).ReportAsync();

        Assert.Equal((0, 3, 3), (report.Created, report.Updated, report.Unchanged));
        Assert.Equal(80, (await FigureAsync("enterprise-rnd-institutions", "zhanjiang-hitech-zone", "2023-03-31"))!.Value);
    }

    [Fact]
    public async Task Json_arrays_and_ndjson_use_the_same_names_in_camel_case()
    {
        const string json = """
            [{"indicatorCode": "incubators", "parkCode": "haidong", "period": "2024", "value": 2, "asOf": "2024-12-31"},
             {"indicatorCode": "incubators", "parkCode": "haidong", "period": "2024", "breakdownMember": "municipal", "value": 2, "asOf": "2024-12-31"}]
            """;
        var fromJson = await (await Client.PostAsync("observations", Encoding.UTF8.GetBytes(json), "application/json")).ReportAsync();
        Assert.Equal(2, fromJson.Created);

        const string ndjson = """
            {"indicatorCode": "incubators", "parkCode": "haidong", "period": "2025", "value": 1, "asOf": "2025-12-31"}

            {"indicatorCode": "incubators", "parkCode": "haidong", "period": "2026", "value": 1, "asOf": "2026-12-31", "colour": "red"}
            """;
        var fromNdjson = await (await Client.PostAsync("observations", Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson", "mode=rows")).ReportAsync();
        Assert.Equal((1, 1), (fromNdjson.Created, fromNdjson.Rejected));
        Assert.Equal((3, "colour", "import.unknown-field"), (fromNdjson.Problems[0].Line, fromNdjson.Problems[0].Column, fromNdjson.Problems[0].Code));
    }

    [Fact]
    public async Task A_bom_is_accepted_and_an_unknown_column_refuses_the_file()
    {
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Good)).ToArray();
        Assert.Equal(5, (await (await Client.PostAsync("observations", withBom, "text/csv; charset=utf-8")).ReportAsync()).Created);

        var problem = await (await Client.PostCsvAsync("observations", "indicator_code,park_code,colour\nincubators,haidong,red\n"))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "import.unknown-column");
        Assert.Contains("colour", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Malformed_json_is_a_400_and_writes_nothing()
    {
        var before = await CountAsync("observations");
        await (await Client.PostAsync("observations", Encoding.UTF8.GetBytes("""[{"indicatorCode": "incubators", """), "application/json"))
            .ReadProblemAsync(HttpStatusCode.BadRequest, "import.malformed");
        Assert.Equal(before, await CountAsync("observations"));
        Assert.Equal(0, await CountAsync("imports where status = 'running'"));
    }
}
