using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Changes;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Enterprises;
using MediatR;
using Npgsql;

namespace Gaoxin.Api.Features.Enterprises.ListMatchEvents;

public sealed record ListMatchEventsQuery(string? After, int Limit) : IQuery<MatchEventPage>
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 5000;
}

public sealed class ListMatchEventsValidator : AbstractValidator<ListMatchEventsQuery>
{
    public ListMatchEventsValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize(ListMatchEventsQuery.MaxLimit);
        RuleFor(q => q.After).MustBeCursor(cursor => FeedCursor.TryDecode(cursor, out _)).OverridePropertyName("after");
    }
}

/// <summary>
/// The match feed from a cursor, in commit order, numbered by the change feed's batches (the same no-gap guarantee).
/// A park-limited key reads its parks' enterprises' events; a page may hold fewer than the limit, its cursor still moves.
/// </summary>
public sealed class ListMatchEventsHandler(NpgsqlDataSource db, ICaller caller) : IRequestHandler<ListMatchEventsQuery, MatchEventPage>
{
    private static readonly string Sql = EnterpriseAccess.ScopeCte + """
        , scanned as (
            select b.seq as batch, e.*, b.committed_at
            from change_batches b
            join match_events e on e.txid = b.txid
            where (b.seq, e.id) > (@Batch, @Id)
            order by b.seq, e.id
            limit @Scan
        )
        select batch, id, kind, enterprise_code, policy_code, measure_code, from_status, to_status, grant_without_application,
               judged_on, committed_at, 
        """ + EnterpriseAccess.Filter("park_id") + """
         as wanted
        from scanned
        order by batch, id
        """;

    private sealed class Row
    {
        public long Batch { get; init; }
        public long Id { get; init; }
        public MatchEventKind Kind { get; init; }
        public string EnterpriseCode { get; init; } = "";
        public string PolicyCode { get; init; } = "";
        public string MeasureCode { get; init; } = "";
        public MatchStatus? FromStatus { get; init; }
        public MatchStatus? ToStatus { get; init; }
        public bool GrantWithoutApplication { get; init; }
        public DateOnly JudgedOn { get; init; }
        public DateTime CommittedAt { get; init; }
        public bool Wanted { get; init; }
    }

    public async Task<MatchEventPage> Handle(ListMatchEventsQuery query, CancellationToken cancellationToken)
    {
        FeedCursor.TryDecode(query.After, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var scanned = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { after.Batch, after.Id, Scan = query.Limit + 1, ScopeParkId = caller.ParkScopeId }, cancellationToken: cancellationToken))).ToList();
        var window = scanned.Take(query.Limit).ToList();
        return new MatchEventPage
        {
            Items = window.Where(r => r.Wanted).Select(r => new MatchEventDto
            {
                Position = FeedCursor.Encode(r.Batch, r.Id),
                Kind = r.Kind,
                EnterpriseCode = r.EnterpriseCode,
                PolicyId = r.PolicyCode,
                MeasureCode = r.MeasureCode,
                From = r.FromStatus,
                To = r.ToStatus,
                GrantWithoutApplication = r.GrantWithoutApplication,
                On = r.JudgedOn,
                ChangedAt = new DateTimeOffset(DateTime.SpecifyKind(r.CommittedAt, DateTimeKind.Utc)),
            }).ToList(),
            NextCursor = window.Count > 0 ? FeedCursor.Encode(window[^1].Batch, window[^1].Id) : FeedCursor.Encode(after.Batch, after.Id),
            HasMore = scanned.Count > query.Limit,
        };
    }
}
