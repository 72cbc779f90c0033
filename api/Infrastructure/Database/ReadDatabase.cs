using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>How long a read that must see a write waits for a standby to replay it before it asks the primary.</summary>
public sealed class ReadSettings
{
    public int ConsistencyWaitMilliseconds { get; set; } = 200;
}

/// <summary>
/// Where a query reads. Without a standby: the primary. With one: the standby, unless the request must see a write
/// the standby has not replayed yet (<see cref="Consistency"/>); then it waits a little for the standby to catch up
/// (replay on loopback takes about a millisecond), and past that reads the primary. A read without a token may see
/// the standby's state: behind the primary by its replay lag (README, "Running on more than one machine").
/// </summary>
public sealed class ReadDatabase(DataSources sources, Consistency consistency, IOptions<ReadSettings> settings)
{
    private const string CaughtUp = "select not pg_is_in_recovery() or pg_last_wal_replay_lsn() >= @position::pg_lsn";

    public async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        if (!sources.HasStandby || consistency.PrimaryOnly)
        {
            return await sources.Primary.OpenConnectionAsync(cancellationToken);
        }
        var connection = await sources.Reads.OpenConnectionAsync(cancellationToken);
        if (consistency.Required is not { } required || await WaitForAsync(connection, required, cancellationToken))
        {
            return connection;
        }
        await connection.DisposeAsync();
        return await sources.Primary.OpenConnectionAsync(cancellationToken);
    }

    private async Task<bool> WaitForAsync(NpgsqlConnection connection, ulong required, CancellationToken cancellationToken)
    {
        var position = Consistency.Format(required);
        var deadline = Environment.TickCount64 + settings.Value.ConsistencyWaitMilliseconds;
        while (true)
        {
            if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(CaughtUp, new { position }, cancellationToken: cancellationToken)))
            {
                return true;
            }
            if (Environment.TickCount64 >= deadline)
            {
                return false;
            }
            await Task.Delay(5, cancellationToken);
        }
    }
}
