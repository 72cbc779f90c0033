using System.Diagnostics;
using MediatR;

namespace Gaoxin.Api.Infrastructure.Mediation;

/// <summary>Logs every request with its duration, and warns about slow ones so they are found before users report them.</summary>
public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly long SlowTicks = Stopwatch.Frequency / 2;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next();
        var elapsed = Stopwatch.GetTimestamp() - started;
        if (elapsed > SlowTicks)
        {
            logger.LogWarning("{Request} took {ElapsedMs} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        else if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.LogDebug("{Request} took {ElapsedMs} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return response;
    }
}
