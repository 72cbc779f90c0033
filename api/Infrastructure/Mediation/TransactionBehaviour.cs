using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Security;
using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

/// <summary>
/// Runs a command's handler in one transaction: everything it writes commits together or not at all,
/// so nothing the API accepted is half-written. Queries pass straight through.
/// </summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(DbSession session, ICaller caller) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand || session.InTransaction)
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
