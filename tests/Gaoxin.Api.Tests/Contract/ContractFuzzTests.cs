using System.Globalization;
using NSwag;

namespace Gaoxin.Api.Tests.Contract;

/// <summary>
/// Requests generated from openapi.json for every operation, with boundary, out-of-range, malformed and hostile
/// values, sent through the whole pipeline on the real database. Every answer must be declared by the contract and
/// validate against it, and none may be a 5xx. <c>GAOXIN_FUZZ_SEED</c> replays a run; <c>GAOXIN_FUZZ_CASES</c> sets
/// how many requests each operation gets.
/// </summary>
public sealed class ContractFuzzTests(ApiFactory factory) : ApiTest(factory)
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("GAOXIN_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261126;
    private static readonly int CasesPerOperation = int.TryParse(Environment.GetEnvironmentVariable("GAOXIN_FUZZ_CASES"), CultureInfo.InvariantCulture, out var cases) ? cases : 40;

    /// <summary>Codes that exist in the seed (or that the fuzz run creates), so that many requests reach the handlers.</summary>
    private static readonly Dictionary<string, string[]> KnownCodes = new()
    {
        ["code"] = ["haidong", "zhanjiang-hitech-zone", "haidong-incubator", "incubators", "enterprise-rnd-institutions", "land-acquisition-launched", "nothing-here"],
        ["park"] = ["haidong", "zhanjiang-hitech-zone", "haidong-incubator", "haidong,haichuang-centre"],
        ["parks"] = ["haidong,haichuang-centre", "zhanjiang-hitech-zone"],
        ["indicator"] = ["incubators", "enterprise-rnd-institutions", "land-acquisition-launched", "incubating-enterprises"],
        ["id"] = ["high-quality-development-opinions", "haidong-park-planning-study", "no-such-policy", Guid.Empty.ToString()],
        ["kind"] = ["observations", "parks", "indicators", "policies"],
        ["name"] = ["test-admin", "no-such-key"],
        ["period"] = ["2023", "2023-03-31", "2024-Q4", "2023-03"],
        ["version"] = ["1", "2", "0"],
        ["member"] = ["national", "provincial", "municipal"],
    };

    [Fact]
    public async Task Every_answer_to_generated_requests_is_declared_by_the_contract_and_none_is_a_5xx()
    {
        var document = await OpenApiDocument.FromJsonAsync(await Client.GetStringAsync("/openapi/v1.json"));
        var random = new Random(Seed);
        var generator = new RequestGenerator(random, KnownCodes);
        var failures = new List<string>();
        var sent = 0;

        foreach (var (path, item) in document.Paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item.OrderBy(o => o.Key, StringComparer.Ordinal))
            {
                for (var i = 0; i < CasesPerOperation; i++)
                {
                    using var request = generator.Build(method, path, operation);
                    var replay = $"{request.Method} {request.RequestUri}" + (request.Content is null ? "" : " " + Truncate(await request.Content.ReadAsStringAsync()));
                    using var response = await Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    sent++;
                    var problems = (int)response.StatusCode >= 500
                        ? [$"answered {(int)response.StatusCode}: {Truncate(body)}"]
                        : AnswerValidator.Check(operation, response, body);
                    if (problems.Count > 0)
                    {
                        failures.Add($"{operation.OperationId} #{i} ({replay}) → {(int)response.StatusCode}:\n    {string.Join("\n    ", problems.Take(5))}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0,
            $"seed {Seed}: {failures.Count} of {sent} answers broke the contract (set GAOXIN_FUZZ_SEED={Seed} to replay):\n" + string.Join("\n", failures.Take(int.TryParse(Environment.GetEnvironmentVariable("GAOXIN_FUZZ_SHOW"), CultureInfo.InvariantCulture, out var show) ? show : 60)));
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
