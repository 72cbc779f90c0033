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

    /// <summary>
    /// How documents stored in a jsonb column (an enterprise's, a project's, a case's content) are written and read:
    /// the API's JSON, nulls left out. An absent member is a null one here, not a broken request, so content written
    /// by the seed or an earlier version reads back.
    /// </summary>
    public static JsonSerializerOptions StoredContent { get; } = CreateStoredContent();

    private static JsonSerializerOptions CreateStoredContent()
    {
        var options = new JsonSerializerOptions();
        Apply(options);
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        options.RespectRequiredConstructorParameters = false;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static IServiceCollection AddGaoxinJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => Apply(o.JsonSerializerOptions));
        return services;
    }
}
