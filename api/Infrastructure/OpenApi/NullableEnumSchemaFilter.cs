using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// A nullable enum property, truly nullable in OpenAPI 3.0. Swashbuckle writes <c>nullable</c> beside an
/// <c>allOf</c> that references the enum; strict validators (Prism, ajv) check <c>null</c> against the referenced enum
/// and refuse it, since in 3.0 <c>nullable</c> does not reach into <c>allOf</c>. So such a property gets the enum's
/// values inline, with <c>null</c> among them, and stays a plain string union in generated clients.
/// </summary>
public sealed class NullableEnumSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo is null || Nullable.GetUnderlyingType(context.Type) is not { IsEnum: true } enumType ||
            schema is not OpenApiSchema property || !context.SchemaRepository.Schemas.TryGetValue(enumType.Name, out var referenced))
        {
            return;
        }
        property.AllOf = null;
        property.Type = JsonSchemaType.String | JsonSchemaType.Null;
        property.Enum = [.. referenced.Enum ?? [], null!];
    }
}
