using System.Text.Json;

namespace Gaoxin.Api.Infrastructure.Json;

/// <summary>
/// An enum in a query string, spelled as in JSON (<c>?kind=makerSpace</c>). Minimal APIs parse enums case-sensitively
/// by their C# names and accept numbers; this accepts exactly the names the JSON and the OpenAPI document use.
/// </summary>
public readonly record struct EnumQuery<TEnum>(TEnum Value) where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> Names = Enum.GetValues<TEnum>()
        .ToDictionary(value => JsonNamingPolicy.CamelCase.ConvertName(value.ToString()), StringComparer.Ordinal);

    public static bool TryParse(string? text, out EnumQuery<TEnum> result)
    {
        var found = Names.TryGetValue(text ?? "", out var value);
        result = new EnumQuery<TEnum>(value);
        return found;
    }
}
