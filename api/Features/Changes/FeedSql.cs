namespace Gaoxin.Api.Features.Changes;

/// <summary>
/// How every reader of the feed reads on from a place (batch, id): the rest of the place's batch, then the batches
/// after it in order, each batch's rows through a LATERAL on the <c>(txid, id)</c> index with the limit inside. Written
/// as one range condition over (batch, id), PostgreSQL reaches the rest of a large batch (an import of 100,000 figures)
/// only through the primary key and reads all of it to keep a page (docs/BENCHMARKS.md, "Webhooks").
/// </summary>
public static class FeedSql
{
    /// <param name="columns">The select list, over <c>b</c> (change_batches) and <paramref name="alias"/>.</param>
    /// <param name="table">changes or match_events.</param>
    /// <param name="after">The parameter holding the id to read after in batch <c>@Batch</c>.</param>
    /// <param name="upTo">With an upper bound: the parameter holding the last id within batch <c>@ToBatch</c>.</param>
    public static string After(string columns, string table, string alias, string after, string? upTo = null)
    {
        var bound = upTo is null ? "" : $"and (b.seq < @ToBatch or {alias}.id <= {upTo})";
        var batches = upTo is null ? "" : "and b.seq <= @ToBatch";
        return $"""
            (select {columns}
             from change_batches b
             cross join lateral (select * from {table} {alias} where {alias}.txid = b.txid and {alias}.id > {after} {bound}
                                 order by {alias}.id limit @Scan) {alias}
             where b.seq = @Batch {batches})
            union all
            (select {columns}
             from change_batches b
             cross join lateral (select * from {table} {alias} where {alias}.txid = b.txid {bound}
                                 order by {alias}.id limit @Scan) {alias}
             where b.seq > @Batch {batches}
             order by b.seq, {alias}.id
             limit @Scan)
            """;
    }
}
