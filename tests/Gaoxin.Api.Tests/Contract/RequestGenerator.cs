using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NSwag;

namespace Gaoxin.Api.Tests.Contract;

/// <summary>
/// Builds requests for an operation from its declaration in openapi.json: mostly plausible values (so the request
/// reaches the handler), mixed with boundary, out-of-range, wrong-type and malformed ones. The same seed always gives
/// the same requests, so a failure can be replayed.
/// </summary>
public sealed class RequestGenerator(Random random, IReadOnlyDictionary<string, string[]> knownCodes)
{
    public HttpRequestMessage Build(string method, string path, OpenApiOperation operation)
    {
        var url = new StringBuilder(path);
        var query = new List<string>();
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), "");
        foreach (var parameter in operation.ActualParameters)
        {
            var schema = parameter.ActualSchema;
            switch (parameter.Kind)
            {
                case OpenApiParameterKind.Path:
                    url.Replace("{" + parameter.Name + "}", Uri.EscapeDataString(PathValue(parameter.Name, schema)));
                    break;
                case OpenApiParameterKind.Query when parameter.IsRequired || random.Next(3) > 0:
                    query.Add(Uri.EscapeDataString(parameter.Name) + "=" + Uri.EscapeDataString(Scalar(parameter.Name, schema)));
                    break;
                case OpenApiParameterKind.Header when random.Next(3) > 0:
                    var value = parameter.Name switch
                    {
                        "If-Match" or "If-None-Match" => Pick(HostileValues.Headers),
                        _ => random.Next(4) == 0 ? Pick(HostileValues.Strings) : "key-" + random.Next(1000),
                    };
                    request.Headers.TryAddWithoutValidation(parameter.Name, value);
                    break;
            }
        }
        if (random.Next(3) == 0)
        {
            query.Add(Pick(["unknown=1", "limit=", "cursor=%ZZ", "after=" + Uri.EscapeDataString(Pick(HostileValues.Strings))]));
        }
        request.RequestUri = new Uri(url + (query.Count > 0 ? "?" + string.Join("&", query) : ""), UriKind.Relative);
        request.Headers.TryAddWithoutValidation("Accept-Language", Pick(HostileValues.Languages));
        if (operation.RequestBody is { } body)
        {
            request.Content = Body(body);
        }
        return request;
    }

    private HttpContent Body(OpenApiRequestBody body)
    {
        var (mediaType, content) = body.Content.ElementAt(random.Next(body.Content.Count));
        var declaredType = random.Next(12) == 0 ? Pick(["text/plain", "application/xml", "application/json; charset=latin1", "multipart/form-data"]) : mediaType;
        string text;
        if (content.Schema?.ActualSchema is { } schema && (schema.Type.HasFlag(JsonObjectType.Object) || schema.Type.HasFlag(JsonObjectType.Array) || schema.ActualProperties.Count > 0 || schema.AllOf.Count > 0))
        {
            var value = Value(schema, depth: 0);
            text = random.Next(10) switch
            {
                0 => "",
                1 => Pick(["{", "[1,", "null", "\"text\"", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", "\uFEFF{}", "{}"]),
                _ => Mutate(value).ToString(Newtonsoft.Json.Formatting.None),
            };
        }
        else
        {
            // Raw bodies (imports): CSV or JSON lines, often broken.
            text = random.Next(6) switch
            {
                0 => "",
                1 => "indicator_code,park_code,period,breakdown_member,value,as_of,source,note\nincubators,haidong,2024,,1,2024-12-31,,",
                2 => "code,kind\n" + Pick(HostileValues.Strings) + ",zone",
                3 => "{\"code\":" + JsonString(Pick(HostileValues.Strings)) + "}\n[1,2]\n",
                4 => "[" + JsonString(Pick(HostileValues.Strings)) + "]",
                _ => Pick(HostileValues.Strings) + "\n" + Pick(HostileValues.Strings),
            };
        }
        var result = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        result.Headers.TryAddWithoutValidation("Content-Type", declaredType);
        return result;
    }

    /// <summary>A value that fits the schema, as a well-behaved client would send it.</summary>
    private JToken Value(JsonSchema schema, int depth, string? name = null)
    {
        schema = schema.ActualSchema;
        if (schema.AllOf.Count > 0 && schema.ActualProperties.Count == 0 && schema.Enumeration.Count == 0)
        {
            return Value(schema.AllOf.First().ActualSchema, depth, name);
        }
        if (schema.Enumeration.Count > 0)
        {
            return schema.Enumeration.ElementAt(random.Next(schema.Enumeration.Count)) is { } member ? JToken.FromObject(member) : JValue.CreateNull();
        }
        if (depth > 6)
        {
            return JValue.CreateNull();
        }
        if (schema.Type.HasFlag(JsonObjectType.Array))
        {
            var array = new JArray();
            var count = random.Next(Math.Min(3, schema.MaxItems > 0 ? schema.MaxItems : 3) + 1);
            for (var i = 0; i < count && schema.Item is not null; i++)
            {
                array.Add(Value(schema.Item, depth + 1, name));
            }
            return array;
        }
        if (schema.Type.HasFlag(JsonObjectType.Object) || schema.ActualProperties.Count > 0)
        {
            var obj = new JObject();
            foreach (var (propertyName, property) in schema.ActualProperties)
            {
                if (property.IsRequired || random.Next(2) == 0)
                {
                    obj[propertyName] = Value(property, depth + 1, propertyName);
                }
            }
            if (schema.AdditionalPropertiesSchema is { } additional && random.Next(2) == 0)
            {
                obj[Pick(knownCodes["member"])] = Value(additional, depth + 1);
            }
            return obj;
        }
        if (schema.Type.HasFlag(JsonObjectType.Integer) || schema.Type.HasFlag(JsonObjectType.Number))
        {
            var min = (double)(schema.Minimum ?? 0);
            var max = (double)(schema.Maximum ?? 1000);
            var number = Math.Round(min + random.NextDouble() * Math.Min(max - min, 1000));
            return schema.Type.HasFlag(JsonObjectType.Integer) ? new JValue((long)number) : new JValue(number);
        }
        if (schema.Type.HasFlag(JsonObjectType.Boolean))
        {
            return new JValue(random.Next(2) == 0);
        }
        return new JValue(Scalar(name ?? "", schema));
    }

    /// <summary>Breaks a good body now and then: a missing, mistyped, unknown, oversized or null member.</summary>
    private JToken Mutate(JToken value)
    {
        if (random.Next(3) > 0 || value is not JObject obj || obj.Count == 0)
        {
            return value;
        }
        var victim = obj.Properties().ElementAt(random.Next(obj.Count));
        switch (random.Next(6))
        {
            case 0: victim.Remove(); break;
            case 1: victim.Value = JValue.CreateNull(); break;
            case 2: victim.Value = new JValue(Pick(HostileValues.Strings)); break;
            case 3: victim.Value = new JValue(random.Next(2) == 0 ? 1e300 : -1); break;
            case 4: obj["unexpectedMember"] = 1; break;
            default: victim.Value = victim.Value is JObject inner ? Mutate(inner) : new JArray(1, "two", JValue.CreateNull()); break;
        }
        return obj;
    }

    /// <summary>
    /// Never empty: an empty segment is another URL (often another operation), not a bad value for this one. Never a
    /// NUL either: Kestrel refuses such a request line before the app sees it, and the in-process test host throws on it.
    /// </summary>
    private string PathValue(string name, JsonSchema schema)
    {
        var value = random.Next(4) > 0 && knownCodes.TryGetValue(name, out var codes) ? Pick(codes) : Scalar(name, schema).Replace("\0", "", StringComparison.Ordinal);
        return value.Length > 0 ? value : "-";
    }

    private string Scalar(string name, JsonSchema schema)
    {
        if (random.Next(3) == 0)
        {
            return Pick(HostileValues.Strings);
        }
        if (schema.Enumeration.Count > 0)
        {
            return random.Next(6) == 0 ? "notAMember" : schema.Enumeration.ElementAt(random.Next(schema.Enumeration.Count))?.ToString() ?? "";
        }
        if (knownCodes.TryGetValue(name, out var codes))
        {
            return Pick(codes);
        }
        if (schema.Type.HasFlag(JsonObjectType.Integer) || schema.Type.HasFlag(JsonObjectType.Number))
        {
            var candidates = new[] { schema.Minimum, schema.Maximum, schema.Minimum - 1, schema.Maximum + 1, 1m }.Where(v => v is not null).ToArray();
            return candidates[random.Next(candidates.Length)]!.Value.ToString(CultureInfo.InvariantCulture);
        }
        if (schema.Type.HasFlag(JsonObjectType.Boolean))
        {
            return random.Next(2) == 0 ? "true" : "false";
        }
        return schema.Format switch
        {
            "date" => Pick(["2023-03-31", "2024-12-31", "9999-12-31", "0001-01-01"]),
            "date-time" => Pick(["2023-03-31T12:00:00+08:00", "2024-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]),
            "uuid" => Guid.NewGuid().ToString(),
            _ => Pick(["2023", "2023-03-31", "2024-Q4", "haidong", "高新", "incubator", "a"]),
        };
    }

    private static string JsonString(string text) => new JValue(text).ToString(Newtonsoft.Json.Formatting.None);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
