using FluentValidation;
using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

/// <summary>Runs every validator of the request before its handler; a failure becomes a 400 with the errors by field.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null; // most reads have no validator: allocate nothing
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            (failures ??= []).AddRange(result.Errors);
        }
        if (failures is { Count: > 0 })
        {
            throw new ValidationException(failures);
        }
        return await next();
    }
}
