using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

/// <summary>
/// A policy document as lists, search and the catalogue read it, with its status for <c>@Day</c>. The status is
/// computed here, in SQL, and nowhere else, so filters and answers cannot disagree.
/// </summary>
public sealed class PolicyRow
{
    /// <summary>
    /// A repeal or supersession takes effect on its own date, else on the acting document's effective date; a
    /// document that was never issued repeals nothing.
    /// </summary>
    private const string Columns = """
        p.id, p.code, p.document_number, p.title_zh, p.title_en, p.summary_zh, p.summary_en, p.role,
               p.categories, p.industries, p.drafted_on, p.issued_on, p.effective_from, p.expires_on, p.illustrative,
               p.version, p.updated_at,
               o.code as issuer_code, o.name_zh as issuer_name_zh, o.name_en as issuer_name_en,
               (select min(coalesce(r.effective_on, a.effective_from, a.issued_on))
                from policy_relations r join policies a on a.id = r.from_policy_id
                where r.to_policy_id = p.id and r.kind in ('repeals', 'supersedes') and a.issued_on is not null) as repealed_on,
               (select t.code from policy_relations r join policies t on t.id = r.to_policy_id
                where r.from_policy_id = p.id and r.kind = 'implements' order by r.id limit 1) as implements_code,
               coalesce((select array_agg(k.code order by k.code) from policy_parks pp join parks k on k.id = pp.park_id
                         where pp.policy_id = p.id), '{}') as park_codes
        """;

    public const string StatusExpression = """
        case
            when b.repealed_on is not null and b.repealed_on <= @Day then 'repealed'
            when b.issued_on is null or b.issued_on > @Day then 'draft'
            when coalesce(b.effective_from, b.issued_on) > @Day then 'pending'
            when b.expires_on is not null and b.expires_on < @Day then 'expired'
            else 'inForce'
        end
        """;

    /// <summary>
    /// Rows with their <c>status</c> for <c>@Day</c>, as the derived table <c>b</c>; callers filter and order on
    /// <c>b.*</c>. <paramref name="where"/> filters the policies <c>p</c> first, where their indexes are;
    /// <paramref name="extraColumns"/> adds columns computed from <c>p</c>.
    /// </summary>
    public static string Query(string where = "true", string extraColumns = "") => $"""
        select * from (
            select b.*, {StatusExpression} as status
            from (
                select {Columns}{extraColumns}
                from policies p
                left join organisations o on o.id = p.issuer_id
                where {where}
            ) as b
        ) as b
        """;

    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string? DocumentNumber { get; init; }
    public string TitleZh { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string SummaryZh { get; init; } = "";
    public string SummaryEn { get; init; } = "";
    public PolicyRole Role { get; init; }
    public string[] Categories { get; init; } = [];
    public string[] Industries { get; init; } = [];
    public DateOnly? DraftedOn { get; init; }
    public DateOnly? IssuedOn { get; init; }
    public DateOnly? EffectiveFrom { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public bool Illustrative { get; init; }
    public int Version { get; init; }
    public DateTime UpdatedAt { get; init; }
    public string? IssuerCode { get; init; }
    public string? IssuerNameZh { get; init; }
    public string? IssuerNameEn { get; init; }
    public string? ImplementsCode { get; init; }
    public string[] ParkCodes { get; init; } = [];
    public PolicyStatus Status { get; init; }
    public double? Rank { get; init; }
    /// <summary>In paged lists: how many rows match in all.</summary>
    public long Total { get; init; }

    public string Title => Lang.Pick(TitleZh, TitleEn);

    public PolicyRef ToRef() => new() { Id = Code, Title = Title, Role = Role, Status = Status };

    public PolicySummaryDto ToSummary(Highlight? highlight = null) => new()
    {
        Id = Code,
        DocumentNumber = DocumentNumber,
        Title = Title,
        Summary = Lang.Pick(SummaryZh, SummaryEn),
        Issuer = IssuerCode is null ? null : new OrganisationDto
        {
            Code = IssuerCode,
            Name = Lang.Pick(IssuerNameZh ?? "", IssuerNameEn ?? ""),
            Names = new LocalizedText { Zh = IssuerNameZh ?? "", En = IssuerNameEn ?? "" },
        },
        Role = Role,
        Status = Status,
        ImplementsId = ImplementsCode,
        Categories = Categories.Select(PolicyEnums.Parse<PolicyCategory>).ToList(),
        Industries = Industries.Select(PolicyEnums.Parse<Industry>).ToList(),
        ParkCodes = ParkCodes,
        IssuedOn = IssuedOn,
        EffectiveFrom = EffectiveFrom,
        ExpiresOn = ExpiresOn,
        Illustrative = Illustrative,
        Rank = Rank,
        Highlight = highlight?.Html,
        HighlightField = highlight?.Field,
    };
}

/// <summary>Array columns hold the same camelCase names as the JSON.</summary>
public static class PolicyEnums
{
    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum => Enum.Parse<TEnum>(value, ignoreCase: true);
}
