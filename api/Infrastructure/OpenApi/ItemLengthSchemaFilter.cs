using System.Reflection;
using Gaoxin.Contracts.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gaoxin.Api.Infrastructure.OpenApi;

/// <summary>Puts <see cref="ItemLengthAttribute"/> on the items of a list property: each code in the list is bounded too.</summary>
public sealed class ItemLengthSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo?.GetCustomAttribute<ItemLengthAttribute>() is { } length && schema.Items is OpenApiSchema items)
        {
            items.MinLength = length.Minimum;
            items.MaxLength = length.Maximum;
        }
    }
}
