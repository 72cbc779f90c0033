using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Changes;
using MediatR;

namespace Gaoxin.Api.Features.Changes.GetChangeFeedHead;

public sealed record GetChangeFeedHeadQuery : IQuery<ChangeFeedHead>;

/// <summary>Where the feed ends now: a new mirror copies the current state, then follows from here.</summary>
public sealed class GetChangeFeedHeadHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetChangeFeedHeadQuery, ChangeFeedHead>
{
    public async Task<ChangeFeedHead> Handle(GetChangeFeedHeadQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var last = await connection.QuerySingleOrDefaultAsync<(long Batch, long Id)?>(new CommandDefinition("""
            select b.seq, c.id from change_batches b join changes c on c.txid = b.txid order by b.seq desc, c.id desc limit 1
            """, cancellationToken: cancellationToken));
        return new ChangeFeedHead { Cursor = FeedCursor.Encode(last?.Batch ?? 0, last?.Id ?? 0), At = clock.GetUtcNow() };
    }
}
