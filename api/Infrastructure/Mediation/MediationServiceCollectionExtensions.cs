using System.Reflection;
using FluentValidation;
using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

public static class MediationServiceCollectionExtensions
{
    /// <summary>
    /// Wires MediatR 5.1.0 by hand: it predates MediatR's own DI package. Handlers and validators are found by
    /// scanning the assembly; behaviours are registered in the order they wrap a request (outermost first).
    /// </summary>
    public static IServiceCollection AddMediation(this IServiceCollection services, Assembly assembly)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                // Validators of requests only: the validation behaviour asks for those. Child validators (of a request's
                // body parts) are composed by their parents, not resolved.
                var requestValidator = definition == typeof(IValidator<>) && typeof(IBaseRequest).IsAssignableFrom(contract.GetGenericArguments()[0]);
                if (definition == typeof(IRequestHandler<,>) || requestValidator)
                {
                    services.AddScoped(contract, type);
                }
            }
        }

        // The logging behaviour holds nothing of a request: one instance serves them all.
        services.AddSingleton(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ReadRetryBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));
        return services;
    }
}
