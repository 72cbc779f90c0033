using System.Net;
using System.Text;
using System.Text.Json;
using Gaoxin.Contracts.Imports;
using Gaoxin.Contracts.Observations;
using static Gaoxin.Api.Tests.Features.Observations.ObservationRequests;

namespace Gaoxin.Api.Tests.Features.Observations;

/// <summary>
/// The rules of a figure are written once (ObservationRules) but checked on two paths: row by row for PUT
/// /observations, set-based in SQL for imports. The same figures sent down both paths must meet the same fate, with the
/// same code and the same message, in both languages.
/// </summary>
public sealed class ObservationRuleParityTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>What a client learns: accepted (created, updated, unchanged) or refused, with which code and message.</summary>
    private sealed record Outcome(string Result, string? Code, string? Message);

    private static readonly string[] Figures =
    [
        "a new figure", "a negative count", "a fractional count", "a percentage over 100", "an unknown member",
        "a member where there is no breakdown", "a total that differs from its breakdown", "a correction without a note",
        "a note that is too long", "the same figure again",
    ];

    /// <summary>Every case in both of the platform's languages.</summary>
    public static IEnumerable<object[]> Cases() =>
        Figures.SelectMany(figure => new[] { new object[] { figure, "zh-CN" }, [figure, "en"] });

    /// <summary>A figure as PUT sends it, and as the CSV rows an import sends (total row first, then members).</summary>
    private static (PutObservationRequest Put, string[] Rows) Figure(string name) => name switch
    {
        "a new figure" or "the same figure again" => (Put("incubating-enterprises", "haichuang-centre", "2024", 5), [Row("incubating-enterprises", "haichuang-centre", "2024", "", "5")]),
        "a negative count" => (Put("incubating-enterprises", "haichuang-centre", "2024", -1), [Row("incubating-enterprises", "haichuang-centre", "2024", "", "-1")]),
        "a fractional count" => (Put("incubating-enterprises", "haichuang-centre", "2024", 1.5m), [Row("incubating-enterprises", "haichuang-centre", "2024", "", "1.5")]),
        "a percentage over 100" => (Put("road-network-phase-2-progress", "zhanjiang-hitech-zone", "2024", 150), [Row("road-network-phase-2-progress", "zhanjiang-hitech-zone", "2024", "", "150")]),
        "an unknown member" => (Put("incubators", "haidong", "2024", null, ("galactic", 1)), [Row("incubators", "haidong", "2024", "galactic", "1")]),
        "a member where there is no breakdown" => (Put("incubating-enterprises", "haidong", "2024", null, ("national", 1)), [Row("incubating-enterprises", "haidong", "2024", "national", "1")]),
        "a total that differs from its breakdown" => (Put("incubators", "zhanjiang-hitech-zone", "2024", 80, ("provincial", 29), ("municipal", 49)),
            [Row("incubators", "zhanjiang-hitech-zone", "2024", "", "80"), Row("incubators", "zhanjiang-hitech-zone", "2024", "provincial", "29"), Row("incubators", "zhanjiang-hitech-zone", "2024", "municipal", "49")]),
        "a correction without a note" => (Put("incubators", "zhanjiang-hitech-zone", "2023-03-31", 6) with { AsOf = new DateOnly(2023, 3, 31) },
            [Row("incubators", "zhanjiang-hitech-zone", "2023-03-31", "", "6", "2023-03-31")]),
        "a note that is too long" => (Put("incubating-enterprises", "haichuang-centre", "2024", 5) with { Note = new string('x', 2001) },
            [Row("incubating-enterprises", "haichuang-centre", "2024", "", "5", note: new string('x', 2001))]),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static string Row(string indicator, string park, string period, string member, string value, string asOf = "2024-12-31", string note = "") =>
        $"{indicator},{park},{period},{member},{value},{asOf},,{note}";

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_figure_meets_the_same_fate_through_put_and_through_an_import(string figure, string language)
    {
        var (put, rows) = Figure(figure);
        var viaPut = await ThroughPutAsync(put, language, twice: figure == "the same figure again");
        await Factory.ResetDatabaseAsync();
        var viaImport = await ThroughImportAsync(rows, language, twice: figure == "the same figure again");
        Assert.Equal(viaPut, viaImport);
    }

    private async Task<Outcome> ThroughPutAsync(PutObservationRequest body, string language, bool twice)
    {
        Client.DefaultRequestHeaders.AcceptLanguage.Clear();
        Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await PutObservationAsync(body);
        if (twice)
        {
            response = await PutObservationAsync(body);
        }
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            var figure = JsonSerializer.Deserialize<ObservationDto>(text, Http.Json)!;
            return new Outcome(response.StatusCode == HttpStatusCode.Created ? "created" : figure.Version > 1 ? "updated" : "unchanged", null, null);
        }
        var problem = JsonDocument.Parse(text).RootElement;
        var code = problem.GetProperty("code").GetString();
        var message = problem.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().First().Value[0].GetString()
            : problem.GetProperty("detail").GetString();
        return new Outcome("refused", code, message);
    }

    private async Task<Outcome> ThroughImportAsync(string[] rows, string language, bool twice)
    {
        var csv = Imports.Imports.Csv(rows);
        var response = await Imports.Imports.PostAsync(Client, "observations", Encoding.UTF8.GetBytes(csv), "text/csv", "mode=rows", language: language);
        if (twice)
        {
            response = await Imports.Imports.PostAsync(Client, "observations", Encoding.UTF8.GetBytes(csv), "text/csv", "mode=rows", language: language);
        }
        var report = await response.ReadAsync<ImportReportDto>();
        if (report.Problems.Count > 0)
        {
            return new Outcome("refused", report.Problems[0].Code, report.Problems[0].Message);
        }
        return new Outcome(report.Created == 1 ? "created" : report.Updated == 1 ? "updated" : "unchanged", null, null);
    }
}
