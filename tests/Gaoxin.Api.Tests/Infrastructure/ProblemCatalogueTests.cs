using System.Text.Json;
using System.Text.RegularExpressions;
using Gaoxin.Api.Infrastructure.Errors;

namespace Gaoxin.Api.Tests.Infrastructure;

/// <summary>One catalogue of problem codes: the README's table and the contract's enum are exactly it.</summary>
public sealed partial class ProblemCatalogueTests(ApiFactory factory) : ApiTest(factory)
{
    private static string RepositoryFile(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gaoxin.sln")))
        {
            directory = directory.Parent;
        }
        return Path.Combine(directory!.FullName, name);
    }

    [Fact]
    public void Every_code_is_written_once_with_its_status_and_both_titles()
    {
        Assert.Equal(Problems.All.Count, Problems.All.Select(k => k.Code).Distinct().Count());
        Assert.All(Problems.All, k =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*$", k.Code);
            Assert.InRange(k.Status, 400, 599);
            Assert.False(string.IsNullOrWhiteSpace(k.Title.Zh) || string.IsNullOrWhiteSpace(k.Title.En), k.Code);
        });
    }

    [Fact]
    public async Task The_readme_table_and_the_contract_list_exactly_the_catalogue()
    {
        var readme = await File.ReadAllTextAsync(RepositoryFile("README.md"));
        var table = readme[readme.IndexOf("| status | code | when |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var documented = CodeInBackticks().Matches(table).Select(m => m.Groups[1].Value).ToHashSet();
        var catalogue = Problems.All.Select(k => k.Code).ToHashSet();
        Assert.True(documented.SetEquals(catalogue),
            $"README lacks: {string.Join(", ", catalogue.Except(documented))}; README has codes the catalogue lacks: {string.Join(", ", documented.Except(catalogue))}");

        var document = JsonDocument.Parse(await Client.GetStringAsync("/openapi/v1.json")).RootElement;
        var declared = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem").GetProperty("properties")
            .GetProperty("code").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        Assert.True(declared.SetEquals(Problems.Answers.Select(k => k.Code)), "Problem.code in openapi.json differs from the catalogue");
    }

    [GeneratedRegex("`([a-z]+(?:-[a-z]+)*\\.[a-z]+(?:-[a-z]+)*)`")]
    private static partial Regex CodeInBackticks();
}
