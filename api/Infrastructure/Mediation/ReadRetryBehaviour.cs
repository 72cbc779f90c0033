using Gaoxin.Api.Infrastructure.Database;
using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

/// <summary>
/// A query that a standby could not answer (it stopped, or cancelled the query to replay the primary's changes) is
/// asked again, once, of the primary. Queries change nothing, so asking twice is safe; the caller sees no error while
/// a standby goes away or comes back.
/// </summary>
public sealed class ReadRetryBehaviour<TRequest, TResponse>(DataSources sources, Consistency consistency, DbSession session, ILogger<ReadRetryBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is ICommand || session.InTransaction || !sources.HasStandby || consistency.PrimaryOnly)
        {
            return await next();
        }
        try
        {
            return await next();
        }
        catch (Exception e) when (DataSources.Unavailable(e) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "A read failed on a standby ({Message}); asking the primary", e.Message);
            consistency.ReadPrimaryOnly();
            return await next();
        }
    }
}
