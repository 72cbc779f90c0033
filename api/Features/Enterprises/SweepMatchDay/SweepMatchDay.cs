using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Enterprises.SweepMatchDay;

/// <summary>Judges into the match feed what the date alone changed since the last day judged (nothing when it is today).</summary>
public sealed record SweepMatchDayCommand : ICommand<Unit>;

public sealed class SweepMatchDayHandler(DbSession session, NpgsqlDataSource db, MatchReevaluation reevaluation, TimeProvider clock) : IRequestHandler<SweepMatchDayCommand, Unit>
{
    public async Task<Unit> Handle(SweepMatchDayCommand command, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("select pg_advisory_xact_lock(7147483647)", null, cancellationToken);
        await using var committed = await db.OpenConnectionAsync(cancellationToken);
        await reevaluation.SweepIfDueAsync(session, committed, clock.Today(), cancellationToken);
        return Unit.Value;
    }
}

/// <summary>
/// Runs the day's sweep when nothing is written: a certificate that expires overnight reaches the match feed early
/// in the zone's morning even on a quiet day. Every process runs one; the sweep's row lock lets one do the work.
/// </summary>
public sealed class MatchDaySweep(IServiceScopeFactory scopes, ILogger<MatchDaySweep> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<Infrastructure.Security.CallerContext>().ActAsOperator();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepMatchDayCommand(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // The database may be away for a while (a restart, a failover): try again next round.
                logger.LogWarning(e, "The match feed's day sweep failed; it is tried again in {Minutes} minutes", Every.TotalMinutes);
            }
        }
    }
}
