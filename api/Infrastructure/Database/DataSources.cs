using Npgsql;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>
/// The API's two ways into PostgreSQL. With one host in <c>GAOXIN_DB</c> both are the same pool. With several
/// (<c>Host=primary:5432,standby:5432</c>, as <c>make cluster</c> sets it) they are one Npgsql multi-host data source
/// seen twice: commands always on whichever host is the primary now (so a promoted standby takes writes without a
/// restart), queries on a standby when one answers, else on the primary.
/// </summary>
public sealed class DataSources : IAsyncDisposable
{
    private readonly NpgsqlDataSource _owner;

    public DataSources(string connectionString)
    {
        var builder = DatabaseSetup.Builder(connectionString);
        if (builder.ConnectionStringBuilder.Host?.Contains(',') == true)
        {
            var hosts = builder.BuildMultiHost();
            _owner = hosts;
            Primary = hosts.WithTargetSession(TargetSessionAttributes.Primary);
            Reads = hosts.WithTargetSession(TargetSessionAttributes.PreferStandby);
            HasStandby = true;
        }
        else
        {
            _owner = Primary = Reads = builder.Build();
        }
    }

    /// <summary>Where commands write, and where reads go that must see the newest state.</summary>
    public NpgsqlDataSource Primary { get; }

    /// <summary>Where queries read: a standby if one answers, else the primary.</summary>
    public NpgsqlDataSource Reads { get; }

    /// <summary>Whether queries may land on a standby, which can be behind the primary.</summary>
    public bool HasStandby { get; }

    /// <summary>
    /// Whether a failure says the server is away rather than that the request was wrong: a transient error, one before
    /// the server said anything (no host answers, none is primary), or a server shutting down or starting up.
    /// </summary>
    public static bool Unavailable(Exception failure) => failure is TimeoutException
        or NpgsqlException { IsTransient: true }
        or PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow }
        or NpgsqlException and not PostgresException;

    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
