using Gaoxin.Api.Infrastructure.Security;
using MediatR;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gaoxin.Api.Features.Webhooks.DeliverWebhooks;

/// <summary>
/// Runs <see cref="DeliverWebhooksCommand"/> on a few workers for as long as the process lives. Workers that find
/// nothing to do wait for a notice that a transaction committed to the feed (stamp_changes notifies gaoxin_feed) or for
/// the poll interval, whichever comes first: new events go out within milliseconds, and a retry due later, or a
/// notice lost while the listener reconnects, within one interval. Any number of processes may run this.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, NpgsqlDataSource db, IOptions<WebhookSettings> settings, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private TaskCompletionSource _notice = NewNotice();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !settings.Value.Deliver
        ? Task.CompletedTask
        : Task.WhenAll([ListenAsync(stoppingToken), PruneAsync(stoppingToken), .. Enumerable.Range(0, Math.Max(1, settings.Value.Workers)).Select(_ => WorkAsync(stoppingToken))]);

    /// <summary>Once an hour, the delivery log forgets what is older than Webhooks:LogDays (any process may; it is idempotent).</summary>
    private async Task PruneAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromHours(1), stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CallerContext>().ActAsOperator();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new PruneWebhookDeliveries.PruneWebhookDeliveriesCommand(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Pruning the webhook delivery log failed; it is tried again in an hour");
            }
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var notice = _notice.Task;
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CallerContext>().ActAsOperator();
                worked = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeliverWebhooksCommand(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database away, a subscription's stored state unreadable…: logged, then tried again after a pause.
                logger.LogWarning(e, "Webhook delivery step failed");
                await PauseAsync(Task.Delay(Timeout.Infinite, stoppingToken), stoppingToken);
                continue;
            }
            if (!worked)
            {
                await PauseAsync(notice, stoppingToken);
            }
        }
    }

    /// <summary>Until the feed moves, the poll interval passes or the host stops. An idle pause throws nothing: with
    /// WaitAsync's timeout every idle worker threw a TimeoutException a second, which showed as errors in the
    /// runtime's exception counter.</summary>
    private async Task PauseAsync(Task notice, CancellationToken stoppingToken)
    {
        using var pause = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAny(notice, Task.Delay(settings.Value.PollInterval, pause.Token));
        await pause.CancelAsync(); // the delay's timer goes with it when the notice came first
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await db.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => Interlocked.Exchange(ref _notice, NewNotice()).TrySetResult();
                await using (var listen = new NpgsqlCommand("listen gaoxin_feed", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogInformation(e, "Webhook listener reconnecting; workers poll meanwhile");
                await PauseAsync(Task.Delay(Timeout.Infinite, stoppingToken), stoppingToken);
            }
        }
    }

    private static TaskCompletionSource NewNotice() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
