using System.Text.RegularExpressions;

namespace Gaoxin.Api.Tests.Unit;

/// <summary>The shape a newcomer relies on, held by tests so that it cannot drift: see README, "How the code is laid out".</summary>
public sealed partial class ArchitectureTests
{
    private static readonly string Api = Path.Combine(Root(), "api");

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gaoxin.sln")))
        {
            directory = directory.Parent;
        }
        return directory!.FullName;
    }

    private static IEnumerable<string> Sources(string folder) =>
        Directory.EnumerateFiles(Path.Combine(Api, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Infrastructure_does_not_depend_on_features()
    {
        var offenders = Sources("Infrastructure").Where(f => FeatureReference().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName).ToList();
        Assert.True(offenders.Count == 0, $"Infrastructure files that reach into Features: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void Every_use_case_is_one_file_in_a_folder_of_its_name()
    {
        var offenders = new List<string>();
        foreach (var file in Sources("Features"))
        {
            var requests = RequestRecord().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value).ToList();
            var name = Path.GetFileNameWithoutExtension(file);
            if (requests.Count > 1 || (requests.Count == 1 && Path.GetFileName(Path.GetDirectoryName(file)) != name))
            {
                offenders.Add($"{Path.GetRelativePath(Api, file)} ({string.Join(", ", requests)})");
            }
        }
        Assert.True(offenders.Count == 0, "Each command or query belongs in Features/<Area>/<UseCase>/<UseCase>.cs, one per file: " + string.Join("; ", offenders));
    }

    [Fact]
    public void Every_import_kind_has_exactly_one_importer()
    {
        var importers = typeof(Gaoxin.Api.Features.Imports.IImporter).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(Gaoxin.Api.Features.Imports.IImporter)))
            .Select(t => ((Gaoxin.Api.Features.Imports.IImporter)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).Kind)
            .Order().ToList();
        Assert.Equal(Enum.GetValues<Gaoxin.Contracts.Imports.ImportKind>().Order(), importers);
    }

    [GeneratedRegex(@"\bGaoxin\.Api\.Features\b|(?<!HttpContext\.)(?<!\.)\bFeatures\.[A-Z]")]
    private static partial Regex FeatureReference();

    [GeneratedRegex(@"\brecord (\w+(?:Command|Query))\b")]
    private static partial Regex RequestRecord();
}
