using System.Text.Json;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>
/// Enums are stored as the same camelCase strings the API speaks. Dapper reads them back by name, but would send
/// them as integers, so writes go through here.
/// </summary>
public static class DbEnum
{
    public static string ToDb<TEnum>(this TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static string? ToDb<TEnum>(this TEnum? value) where TEnum : struct, Enum =>
        value is { } v ? v.ToDb() : null;
}
