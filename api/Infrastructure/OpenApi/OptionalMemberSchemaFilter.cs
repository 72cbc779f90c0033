using System.ComponentModel;
using System.Text.Json;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>
/// A member with a <see cref="DefaultValueAttribute"/> may be left out of a request (it then takes that value): it is
/// not <c>required</c>. Members added to a request body after its first release are declared so, or every client
/// already written would be sending an invalid body.
/// </summary>
public sealed class OptionalMemberSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Required: { } required } || context.MemberInfo is not null)
        {
            return;
        }
        foreach (var member in context.Type.GetProperties().Where(p => p.IsDefined(typeof(DefaultValueAttribute), inherit: true)))
        {
            required.Remove(JsonNamingPolicy.CamelCase.ConvertName(member.Name));
        }
    }
}
