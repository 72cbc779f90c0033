using System.Collections.Concurrent;
using System.Data;
using Dapper;

namespace Gaoxin.Api.Infrastructure.Database;

/// <summary>
/// Answers of hot reads (the zone's dashboard, a long series), kept until the next write. Every writing transaction
/// takes the next change-feed batch just before it commits, in commit order (<c>stamp_changes</c>), so the last
/// batch names the committed state: an answer computed after reading it is at least that new, and is kept under it.
/// Any write moves it, and the next read computes again. Entries are weighed (rows held); past the budget the cache
/// starts over, so it holds a bounded amount of memory whatever is asked.
/// </summary>
public sealed class CommittedCache
{
    /// <summary>Rows held at most, across every entry (about 25 MB of answers).</summary>
    public const int Budget = 50_000;

    // The last batch's transaction id: unlike its number, it never repeats, even when the tables are emptied and their
    // numbering restarts (as the tests do before each test).
    private const string LastBatch = "select coalesce((select txid::text::bigint from change_batches order by seq desc limit 1), 0)";

    private readonly ConcurrentDictionary<string, (long State, object Answer, int Weight)> _answers = new();
    private int _weight;

    /// <summary>The committed state now: read it before the data a kept answer is computed from.</summary>
    private static Task<long> StateAsync(IDbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(LastBatch, cancellationToken: cancellationToken));

    /// <summary>The answer kept for the key in the committed state now, or the one <paramref name="compute"/> reads.</summary>
    public async Task<T> GetAsync<T>(IDbConnection connection, string key, Func<Task<T>> compute, Func<T, int> weight, CancellationToken cancellationToken) where T : class
    {
        var state = await StateAsync(connection, cancellationToken);
        if (Find<T>(key, state) is { } kept)
        {
            return kept;
        }
        var answer = await compute();
        Keep(key, state, answer, weight(answer));
        return answer;
    }

    private T? Find<T>(string key, long state) where T : class =>
        _answers.TryGetValue(key, out var hit) && hit.State == state ? hit.Answer as T : null;

    private void Keep(string key, long state, object answer, int weight)
    {
        if (weight > Budget / 4)
        {
            return; // one answer this large would crowd out the rest
        }
        if (Interlocked.Add(ref _weight, weight) > Budget)
        {
            _answers.Clear();
            Interlocked.Exchange(ref _weight, weight);
        }
        _answers[key] = (state, answer, weight);
    }
}
