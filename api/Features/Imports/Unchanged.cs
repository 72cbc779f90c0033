using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// "Unchanged", one comparison for every kind of import: a row changes nothing when the columns its write would store
/// equal the columns stored now, both made by the write's own columns function. So an import normalises exactly as a
/// write does (trimming, defaults, member order), and a row with a trailing space is unchanged, not "updated" on every
/// re-import with a new version and an audit entry. Numbers compare by value: 120 and 120.000000 (as PostgreSQL's
/// numeric gives it back) are the same area.
/// </summary>
public static class Unchanged
{
    private static readonly JsonSerializerOptions Json = new(ImportEngine.Json) { Converters = { new ValueOnlyDecimal() } };

    public static bool Same(object storedColumns, object incomingColumns) =>
        JsonSerializer.Serialize(storedColumns, Json) == JsonSerializer.Serialize(incomingColumns, Json);

    private sealed class ValueOnlyDecimal : JsonConverter<decimal>
    {
        // Dividing by 1.000…0 drops a decimal's trailing zeros, so equal values are written alike.
        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value / 1.000000000000000000000000000000000m);

        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();
    }
}
