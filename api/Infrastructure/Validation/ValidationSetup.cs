using System.Text.Json;
using FluentValidation;

namespace Gaoxin.Api.Infrastructure.Validation;

public static class ValidationSetup
{
    /// <summary>
    /// Messages name fields as the client wrote them (camelCase JSON names), in the request's language:
    /// FluentValidation ships zh-CN messages and follows the current UI culture.
    /// </summary>
    public static void Configure()
    {
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : JsonNamingPolicy.CamelCase.ConvertName(member.Name);
        ValidatorOptions.Global.LanguageManager.Enabled = true;
    }
}
