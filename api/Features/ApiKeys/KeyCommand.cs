using Gaoxin.Api.Features.ApiKeys.CreateApiKey;
using Gaoxin.Api.Features.ApiKeys.RevokeApiKey;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Contracts.ApiKeys;
using MediatR;

namespace Gaoxin.Api.Features.ApiKeys;

/// <summary>
/// `Gaoxin.Api apikey create NAME SCOPES [PARK]` / `apikey revoke NAME`, for `make apikey` and scripts: the same
/// commands as the admin endpoints, run against the configured database. A new key is printed alone on the last line.
/// </summary>
public static class KeyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Gaoxin.Api.Infrastructure.Security.CallerContext>().ActAsOperator();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        try
        {
            switch (args)
            {
                case ["create", var name, var scopes, ..]:
                    var created = await mediator.Send(new CreateApiKeyCommand(new CreateApiKeyRequest
                    {
                        Name = name,
                        Scopes = scopes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        ParkCode = args.Length > 3 ? args[3] : null,
                    }));
                    Console.Error.WriteLine($"Created key '{name}' with scopes {string.Join(",", created.Info.Scopes)}{(created.Info.ParkCode is { } p ? $" for park {p} and the parks within it" : "")}. It is shown once:");
                    Console.WriteLine(created.Key);
                    return 0;
                case ["revoke", var name]:
                    await mediator.Send(new RevokeApiKeyCommand(name));
                    Console.Error.WriteLine($"Revoked key '{name}'.");
                    return 0;
                default:
                    Console.Error.WriteLine("usage: apikey create NAME read,write,import,admin [PARK_CODE] | apikey revoke NAME");
                    return 2;
            }
        }
        catch (Exception e) when (e is ApiException or FluentValidation.ValidationException)
        {
            Console.Error.WriteLine(e is FluentValidation.ValidationException v ? string.Join("; ", v.Errors.Select(x => x.ErrorMessage)) : ((ApiException)e).Detail.En);
            return 1;
        }
    }
}
