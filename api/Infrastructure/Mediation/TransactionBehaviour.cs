using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

/// <summary>
/// Runs a command's handler in one transaction: everything it writes commits together or not at all,
/// so nothing the API accepted is half-written. Commands only: the constraint keeps it out of a query's pipeline
/// (the container skips open generics whose constraints a request does not meet), so a read pays nothing for it.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(DbSession session, ICaller caller) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : ICommand
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (session.InTransaction)
        {
            return await next();
        }

        await session.BeginAsync(cancellationToken);
        await session.SetActorAsync(caller.Name, caller.DisplayName, cancellationToken);
        try
        {
            var response = await next();
            if (session.RollbackOnly)
            {
                await session.RollbackAsync();
            }
            else
            {
                await session.CommitAsync(cancellationToken);
            }
            return response;
        }
        catch
        {
            await session.RollbackAsync();
            throw;
        }
    }
}
