using System.Globalization;
using System.Text;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Gaoxin.Api.Features.Policies.ListPolicies;

public sealed record ListPoliciesQuery(
    string? Q, PolicyRole? Role, PolicyStatus? Status, string? Issuer, PolicyCategory? Category, string? Park, Industry? Industry,
    DateOnly? InForceOn, string? Cursor, int Limit) : IQuery<PolicyPage>
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}

public sealed class ListPoliciesValidator : AbstractValidator<ListPoliciesQuery>
{
    public ListPoliciesValidator()
    {
        RuleFor(q => q.Q).MaximumLength(200);
        RuleFor(q => q.Role).IsInEnum();
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Industry).IsInEnum();
        RuleFor(q => q.Issuer).MustBeCode().When(q => q.Issuer is not null);
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
        RuleFor(q => q.Limit).MustBePageSize(ListPoliciesQuery.MaxLimit);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => OffsetCursor.TryDecode(cursor, out _));
    }
}

/// <summary>Search results are ordered by relevance, which no key follows, so their cursor is a position.</summary>
public static class OffsetCursor
{
    public static string Encode(int offset) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("n:" + offset.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string? cursor, out int offset)
    {
        offset = 0;
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            return text.StartsWith("n:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// Filters, full-text search in Chinese and English, and paging over the catalogue. A park filter keeps the documents
/// that apply to the park: those for the whole zone, for the park, or for a park above it; an industry filter keeps
/// those for every industry or for that one.
/// </summary>
public sealed class ListPoliciesHandler(ReadDatabase db, TimeProvider clock, CommittedCache cache) : IRequestHandler<ListPoliciesQuery, PolicyPage>
{
    /// <summary>The search SQL; public so a test can EXPLAIN exactly what runs.</summary>
    public static readonly string Sql = PolicyRow.Query(
        where: "(@Q::text is null or p.search @@ policy_query(@Q))",
        extraColumns: ", ts_rank(p.search, policy_query(@Q)) as rank") + Filters + """

        order by b.rank desc nulls last, b.code
        """;

    /// <summary>The filters over the derived table <c>b</c> (role, status for @Day, issuer, category, industry, park).</summary>
    private const string Filters = """

        where (@Role::text is null or b.role = @Role)
          and (@Status::text is null or b.status = @Status)
          and (@Issuer::text is null or b.issuer_code = @Issuer)
          and (@Category::text is null or b.categories @> array[@Category])
          and (@Industry::text is null or b.industries = '{}' or b.industries @> array[@Industry])
          and (@ParkIds::bigint[] is null
               or not exists (select 1 from policy_parks pp where pp.policy_id = b.id)
               or exists (select 1 from policy_parks pp where pp.policy_id = b.id and pp.park_id = any(@ParkIds)))
        """;

    private static readonly string Paged = "select *, count(*) over () as total from (" + Sql + ") as matches limit @Take offset @Skip";

    /// <summary>
    /// How many of the matches, ordered by the small vector of titles and summaries, are ranked by the full vector.
    /// A page within them is answered in two steps; a page beyond them ranks every match, as before.
    /// </summary>
    public const int RankedCandidates = 200;

    /// <summary>
    /// Search in two steps (migration 0025): every match is ordered by <c>search_head</c> (titles, document number and
    /// summaries, weights A and B, kept in the row), and only the best <see cref="RankedCandidates"/> are ranked by the
    /// full vector, whose text part is read from out-of-line storage per document. The order of the page is the full
    /// rank's; a document that matches only in its body is ranked among the candidates only when fewer than that many
    /// match in their titles or summaries.
    /// </summary>
    public static readonly string TwoStep = $$"""
        with candidates as (
            select m.id, m.code, count(*) over () as total
            from (
                {{PolicyRow.Query(where: "p.search @@ policy_query(@Q)", extraColumns: ", ts_rank(p.search_head, policy_query(@Q)) as head_rank").Replace("\n", "\n        ")}}
                {{Filters.Replace("\n", "\n        ")}}
            ) as m
            order by m.head_rank desc, m.code
            limit {{RankedCandidates}}
        ),
        ranked as (
            select c.id, c.code, c.total, ts_rank(p.search, policy_query(@Q)) as rank
            from candidates c join policies p on p.id = c.id
            order by rank desc, c.code
            limit @Take offset @Skip
        )
        select b.*, r.rank, r.total
        from ranked r
        join ({{PolicyRow.Query(where: "p.id in (select id from ranked)")}}) as b on b.id = r.id
        order by r.rank desc, r.code
        """;

    private sealed class MatchRow
    {
        public long Id { get; init; }
        public string BodyZh { get; init; } = "";
        public string? BodyEn { get; init; }
        public string? MeasuresZh { get; init; }
        public string? MeasuresEn { get; init; }
    }

    public async Task<PolicyPage> Handle(ListPoliciesQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        // The same searches come again and again (a term typed by many, a filter page reloaded): each is kept until
        // the next write, the rank of a thousand matches computed once.
        return await cache.GetAsync(connection, $"policies|{query}|{Lang.IsEnglish}|{clock.Today():yyyy-MM-dd}",
            () => SearchAsync(connection, query, cancellationToken), page => page.Items.Count, cancellationToken);
    }

    private async Task<PolicyPage> SearchAsync(NpgsqlConnection connection, ListPoliciesQuery query, CancellationToken cancellationToken)
    {
        long[]? parkIds = null;
        if (query.Park is { } park)
        {
            parkIds = (await connection.QueryAsync<(long Id, string Code)>(new CommandDefinition(ParkTree.SelfAndAncestors, new { code = park }, cancellationToken: cancellationToken)))
                .Select(p => p.Id).ToArray();
            if (parkIds.Length == 0)
            {
                throw ParkErrors.NotFound(park);
            }
        }

        OffsetCursor.TryDecode(query.Cursor, out var skip);
        var q = string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim();
        var rows = (await connection.QueryAsync<PolicyRow>(new CommandDefinition(q is not null && skip + query.Limit <= RankedCandidates ? TwoStep : Paged, new
        {
            Q = q,
            Day = query.InForceOn ?? clock.Today(),
            Role = query.Role.ToDb(),
            Status = query.InForceOn is not null ? "inForce" : query.Status.ToDb(),
            query.Issuer,
            Category = query.Category.ToDb(),
            Industry = query.Industry.ToDb(),
            ParkIds = parkIds,
            Take = query.Limit,
            Skip = skip,
        }, cancellationToken: cancellationToken))).ToList();

        var highlights = q is null ? [] : await HighlightsAsync(connection, q, rows, cancellationToken);
        var total = (int)(rows.FirstOrDefault()?.Total ?? 0);
        return new PolicyPage
        {
            Items = rows.Select(r => r.ToSummary(highlights.GetValueOrDefault(r.Id))).ToList(),
            NextCursor = skip + rows.Count < total ? OffsetCursor.Encode(skip + rows.Count) : null,
            Total = total,
        };
    }

    /// <summary>Reads the long texts of the page's documents only, to mark where the query matched.</summary>
    private static async Task<Dictionary<long, Highlight>> HighlightsAsync(NpgsqlConnection connection, string q, List<PolicyRow> rows, CancellationToken cancellationToken)
    {
        var texts = (await connection.QueryAsync<MatchRow>(new CommandDefinition("""
            select p.id, p.body_zh, p.body_en,
                   (select string_agg(m.title_zh || '：' || m.description_zh, ' ' order by m.position) from support_measures m where m.policy_id = p.id) as measures_zh,
                   (select string_agg(m.title_en || ': ' || m.description_en, ' ' order by m.position) from support_measures m where m.policy_id = p.id) as measures_en
            from policies p where p.id = any(@Ids)
            """, new { Ids = rows.Select(r => r.Id).ToArray() }, cancellationToken: cancellationToken))).ToDictionary(t => t.Id);

        var result = new Dictionary<long, Highlight>();
        foreach (var row in rows)
        {
            var text = texts[row.Id];
            var preferred = Lang.IsEnglish
                ? new[] { ("title", (string?)row.TitleEn), ("summary", row.SummaryEn), ("body", text.BodyEn), ("measures", text.MeasuresEn) }
                : [("title", row.TitleZh), ("summary", row.SummaryZh), ("body", text.BodyZh), ("measures", text.MeasuresZh)];
            var other = Lang.IsEnglish
                ? new[] { ("title", (string?)row.TitleZh), ("summary", row.SummaryZh), ("body", text.BodyZh), ("measures", text.MeasuresZh) }
                : [("title", row.TitleEn), ("summary", row.SummaryEn), ("body", text.BodyEn), ("measures", text.MeasuresEn)];
            if (Highlighter.Find(q, preferred.Concat(other)) is { } highlight)
            {
                result[row.Id] = highlight;
            }
        }
        return result;
    }
}
