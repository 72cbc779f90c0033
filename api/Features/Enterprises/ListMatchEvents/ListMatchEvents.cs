using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Changes;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Enterprises;
using MediatR;

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
public sealed class ListMatchEventsHandler(ReadDatabase db, ICaller caller) : IRequestHandler<ListMatchEventsQuery, MatchEventPage>
{
    private static readonly string Sql = EnterpriseAccess.ScopeCte + """
        , scanned as (
            select * from (
        """ + Changes.FeedSql.After("b.seq as batch, e.*, b.committed_at", "match_events", "e", "@Id") + """
            ) s
            order by batch, id
            limit @Scan
        )
        select s.batch, s.id, s.kind, s.enterprise_code, s.policy_code, s.measure_code, s.from_status, s.to_status,
               s.grant_without_application, s.judged_on, s.committed_at,
               en.name_zh as enterprise_name_zh, en.name_en as enterprise_name_en, m.title_zh as measure_title_zh, m.title_en as measure_title_en,
        """ + EnterpriseAccess.Filter("s.park_id") + """
         as wanted
        from scanned s
        -- Names as they are now, for people reading the feed; the codes are what a follower keys on.
        left join enterprises en on en.code = s.enterprise_code
        left join policies p on p.code = s.policy_code
        left join support_measures m on m.policy_id = p.id and m.code = s.measure_code
        order by s.batch, s.id
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
        public string? EnterpriseNameZh { get; init; }
        public string? EnterpriseNameEn { get; init; }
        public string? MeasureTitleZh { get; init; }
        public string? MeasureTitleEn { get; init; }
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
                EnterpriseName = r.EnterpriseNameZh is null ? null : Lang.Pick(r.EnterpriseNameZh, r.EnterpriseNameEn ?? r.EnterpriseNameZh),
                PolicyId = r.PolicyCode,
                MeasureCode = r.MeasureCode,
                MeasureTitle = r.MeasureTitleZh is null ? null : Lang.Pick(r.MeasureTitleZh, r.MeasureTitleEn ?? r.MeasureTitleZh),
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
