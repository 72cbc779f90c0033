using System.Text.Json;
using Gaoxin.Contracts.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// Marks <see cref="ReadOnlyMemberAttribute"/> members <c>readOnly</c>. They stay in <c>required</c>, which OpenAPI 3.0
/// applies to responses only for a read-only member: every answer carries them, and a PUT may leave them out. A member
/// that is a reference is wrapped in <c>allOf</c>, since a bare <c>$ref</c> can carry nothing beside it.
/// </summary>
public sealed class ReadOnlyMemberSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { } properties } || context.MemberInfo is not null)
        {
            return;
        }
        foreach (var member in context.Type.GetProperties().Where(p => p.IsDefined(typeof(ReadOnlyMemberAttribute), inherit: true)))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(member.Name);
            switch (properties.TryGetValue(name, out var found) ? found : null)
            {
                case OpenApiSchema property:
                    property.ReadOnly = true;
                    break;
                case OpenApiSchemaReference reference:
                    properties[name] = new OpenApiSchema { AllOf = [reference], ReadOnly = true };
                    break;
            }
        }
    }
}
