using System.Data;
using Dapper;
using Npgsql;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>
/// The connection and transaction of one command, opened by the transaction behaviour and shared by everything
/// the command's handler runs. Scoped: one per HTTP request.
/// </summary>
public sealed class DbSession(NpgsqlDataSource dataSource, IEnumerable<IBeforeCommit> beforeCommit, Consistency consistency, ILogger<DbSession> logger) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    public bool InTransaction => _transaction is not null;

    /// <summary>Set by a handler whose work must not be kept (a dry run, a refused import): the transaction behaviour
    /// then rolls back instead of committing, and the handler still returns its answer.</summary>
    public bool RollbackOnly { get; private set; }

    public void MarkRollbackOnly() => RollbackOnly = true;

    public NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("A command handler ran outside the transaction behaviour.");

    public NpgsqlTransaction Transaction => _transaction ?? throw new InvalidOperationException("A command handler ran outside the transaction behaviour.");

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
    }

    /// <summary>Who the database's triggers name for this transaction's writes: the key's name in the audit log, its
    /// display name where the public or a record's history sees the author.</summary>
    public Task SetActorAsync(string actor, string displayName, CancellationToken cancellationToken) =>
        ExecuteAsync("select set_config('gaoxin.actor', @actor, true), set_config('gaoxin.display_name', @displayName, true)", new { actor, displayName }, cancellationToken);

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        foreach (var step in beforeCommit)
        {
            await step.RunAsync(this, cancellationToken);
        }
        // The change feed's batch number is taken last, under a lock held until commit: see migration 0008.
        await ExecuteAsync("select stamp_changes()", null, cancellationToken);
        await Transaction.CommitAsync(cancellationToken);
        await RememberCommitPositionAsync();
        await CloseAsync();
    }

    /// <summary>
    /// The log position just past the commit, for the answer's consistency token. The write has committed whatever
    /// happens here, so a failure only costs the token (the client then reads what a standby has, as without one).
    /// </summary>
    private async Task RememberCommitPositionAsync()
    {
        try
        {
            var position = await Connection.ExecuteScalarAsync<string>(new CommandDefinition("select pg_current_wal_lsn()::text"));
            if (Consistency.TryParse(position, out var parsed))
            {
                consistency.Wrote(parsed);
            }
        }
        catch (NpgsqlException e)
        {
            logger.LogWarning(e, "Committed, but the commit's log position could not be read; the answer carries no consistency token");
        }
    }

    public async Task RollbackAsync()
    {
        if (_transaction is not null && _connection is { State: ConnectionState.Open })
        {
            // Not cancellable on purpose: a rollback must finish even when the client went away.
            await _transaction.RollbackAsync(CancellationToken.None);
        }
        await CloseAsync();
    }

    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.ExecuteAsync(Command(sql, parameters, cancellationToken));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QueryAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.QuerySingleAsync<T>(Command(sql, parameters, cancellationToken));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters, cancellationToken));

    public async ValueTask DisposeAsync() => await CloseAsync();

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, Transaction, cancellationToken: cancellationToken);

    private async Task CloseAsync()
    {
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
            _transaction = null;
        }
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}

/// <summary>
/// Work that belongs to every writing transaction and must see all of it, run just before it commits (e.g. the match
/// feed's re-evaluation of what the transaction changed). A step that throws rolls the transaction back.
/// </summary>
public interface IBeforeCommit
{
    Task RunAsync(DbSession session, CancellationToken cancellationToken);
}
