using System.Reflection;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Contracts.Common;
using Microsoft.OpenApi;

namespace Gaoxin.Api.Infrastructure.OpenApi;

public static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string DocumentRoute = "openapi/{documentName}.json";

    public static IServiceCollection AddGaoxinOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Gaoxin API · 湛江国家高新区发展数据平台",
                Version = "v1",
                Description = """
                    湛江国家高新区发展数据平台：园区（一区多园）、指标与“1+N”政策体系。
                    The development data platform of the Zhanjiang National High-tech Zone: its parks ("one zone, many parks"),
                    its indicators and its "1+N" policy catalogue.

                    Language / 语言: send `Accept-Language: en` for English; Simplified Chinese (zh-CN) is the default.
                    The `Content-Language` response header says which language was used.

                    Errors / 错误: every error is `application/problem+json` (RFC 9457) with a stable `code`
                    and, for invalid input, `errors` keyed by field.
                    """,
            });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.UseAllOfToExtendReferenceSchemas(); // so a nullable enum or object property is marked nullable, not just optional
            options.IncludeXmlComments(XmlDocs(typeof(Program).Assembly));
            options.IncludeXmlComments(XmlDocs(typeof(LocalizedText).Assembly));
            options.DocumentFilter<ServerDocumentFilter>();
            options.DocumentFilter<ResponseHeadersDocumentFilter>();
            options.DocumentFilter<BodyExamplesDocumentFilter>();
            options.DocumentFilter<WebhookPayloadDocumentFilter>();
            options.DocumentFilter<NullableObjectSchemaFilter>();
            options.DocumentFilter<StableOrderDocumentFilter>();
            options.ParameterFilter<EnumQueryParameterFilter>();
            options.OperationFilter<RawBodyOperationFilter>();
            options.OperationFilter<SecurityOperationFilter>();
            options.OperationFilter<RateLimitOperationFilter>();
            options.OperationFilter<ServerProblemsOperationFilter>();
            options.OperationFilter<ConsistencyOperationFilter>();
            options.OperationFilter<RequestProblemsOperationFilter>();
            options.OperationFilter<IfMatchRequiredOperationFilter>();
            options.SchemaFilter<ItemLengthSchemaFilter>();
            options.SchemaFilter<NullableEnumSchemaFilter>();
            options.SchemaFilter<ProblemCodesSchemaFilter>();
            options.SchemaFilter<ReadOnlyMemberSchemaFilter>();
            options.SchemaFilter<OptionalMemberSchemaFilter>();
            options.AddSecurityDefinition(SecurityOperationFilter.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "API key: `Authorization: Bearer gx_…`. Never put a key in a URL. Scopes: read, write, import, admin.",
            });
            options.AddSecurityDefinition(SecurityOperationFilter.HeaderSchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "The same API key in the X-Api-Key header, for clients that cannot set Authorization.",
            });
            // Bounded like every other string, so that clients and the OWASP lint see a length on dates and ids too.
            options.MapType<DateOnly>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", MaxLength = 10 });
            options.MapType<DateTimeOffset>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", MaxLength = 40 });
            options.MapType<Guid>(() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", MaxLength = 36 });
            options.MapType<Http.IfMatch>(() => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Http.ETags.MaxHeaderLength });
            foreach (var enumType in typeof(LocalizedText).Assembly.GetTypes().Where(t => t.IsEnum))
            {
                // A plain string first, so no wrapper schema lands in the components; the filter then points it at the enum.
                options.MapType(typeof(EnumQuery<>).MakeGenericType(enumType), () => new OpenApiSchema { Type = JsonSchemaType.String });
            }
        });
        return services;
    }

    private static string XmlDocs(Assembly assembly) =>
        Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");

    /// <summary>Declares the problem-details answers an endpoint can give, with the shared <see cref="Problem"/> schema.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes)
        {
            builder.Produces<Problem>(status, "application/problem+json");
        }
        return builder;
    }
}
