using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Gaoxin.Api.Infrastructure.Json;

public static class JsonSetup
{
    /// <summary>
    /// One set of JSON rules for the whole API, applied to both minimal APIs and MVC (Swashbuckle reads the latter):
    /// enums as camelCase strings, unknown properties refused, required and non-nullable properties enforced.
    /// </summary>
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Chinese text travels as itself, not as \uXXXX escapes: readable in logs, curl and diffs. The relaxed
        // encoder is safe here because responses are application/json, never inlined into HTML.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DictionaryKeyPolicy = null;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { ReadOnlyMembers.Track } };
    }

    public static IServiceCollection AddGaoxinJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Apply(o.JsonSerializerOptions));
        return services;
    }
}
