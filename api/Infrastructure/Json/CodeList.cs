namespace Gaoxin.Api.Infrastructure.Json;

/// <summary>A comma-separated list of codes in a query string (<c>?parks=haidong,haichuang-centre</c>).</summary>
public static class CodeList
{
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
