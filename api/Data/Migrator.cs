using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Gaoxin.Api.Data;

/// <summary>
/// Applies the numbered .sql files under Data/Migrations, then those under Data/Seed, each once, recorded in the
/// journal table <c>schema_journal</c>. All of it runs in one transaction under an advisory lock, so two API
/// processes starting together cannot race and a failed file leaves nothing behind.
/// </summary>
public sealed class Migrator(NpgsqlDataSource dataSource, ILogger<Migrator> logger)
{
    private const long LockKey = 0x6761_6f78_696e; // "gaoxin"

    public sealed record Script(string Kind, string Name, string Sql)
    {
        public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    public static IReadOnlyList<Script> Migrations { get; } = Load("Migrations");

    public static IReadOnlyList<Script> Seeds { get; } = Load("Seed");

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync("select pg_advisory_xact_lock(@LockKey)", new { LockKey }, transaction);
        await connection.ExecuteAsync("select set_config('gaoxin.actor', 'seed', true)", transaction: transaction);
        await connection.ExecuteAsync("""
            create table if not exists schema_journal (
                kind       text        not null,
                name       text        not null,
                checksum   text        not null,
                applied_at timestamptz not null default now(),
                primary key (kind, name)
            )
            """, transaction: transaction);

        var applied = (await connection.QueryAsync<(string Kind, string Name, string Checksum)>(
            "select kind, name, checksum from schema_journal", transaction: transaction))
            .ToDictionary(row => (row.Kind, row.Name), row => row.Checksum);

        var appliedAny = false;
        foreach (var script in Migrations.Concat(Seeds))
        {
            if (applied.TryGetValue((script.Kind, script.Name), out var checksum))
            {
                if (script.Kind == "Migrations" && checksum != script.Checksum)
                {
                    throw new InvalidOperationException(
                        $"Migration {script.Name} was changed after it was applied. Add a new migration instead of editing an old one.");
                }
                continue;
            }

            logger.LogInformation("Applying {Kind}/{Name}", script.Kind, script.Name);
            appliedAny = true;
            // No time limit: a migration rewriting a large table runs once, under the lock, and must not stop half-way.
            await connection.ExecuteAsync(script.Sql, transaction: transaction, commandTimeout: 0);
            await connection.ExecuteAsync(
                "insert into schema_journal (kind, name, checksum) values (@Kind, @Name, @Checksum)",
                new { script.Kind, script.Name, script.Checksum }, transaction);
        }

        // The seed's rows enter the change feed like any other write. Only then: a process starting on a migrated
        // database takes no feed lock (it would wait on, or deadlock with, whoever holds the feed's tables).
        if (appliedAny)
        {
            await connection.ExecuteAsync("select stamp_changes()", transaction: transaction);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static IReadOnlyList<Script> Load(string kind)
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(kind + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return new Script(kind, name[(kind.Length + 1)..], reader.ReadToEnd());
            })
            .ToList();
    }
}
