using System.Data;
using Dapper;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Features.Sources;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Enterprises;

namespace Gaoxin.Api.Features.Enterprises;

/// <summary>An enterprise's row as reads see it, current or as recorded at a moment (asOf).</summary>
public sealed class EnterpriseRow : SourceColumns
{
    /// <summary>The current enterprises, as <c>e</c>; callers add where and order.</summary>
    public const string Current = $"""
        select e.code, e.content::text as content_json, e.version, recorded_time(e.recorded_txid, e.recorded_at) as recorded_at,
               e.recorded_by, e.park_id, {Columns}
        from enterprises e
        left join sources s on s.code = e.content ->> 'sourceCode'
        """;

    /// <summary>The version of <c>@Code</c> recorded last by <c>@AsOf</c> (its content is null when it was deleted by then).</summary>
    public const string AsOf = $"""
        select v.code, v.content::text as content_json, v.version, recorded_time(v.recorded_txid, v.recorded_at) as recorded_at,
               v.recorded_by, v.park_id, {Columns}
        from enterprise_versions v
        left join sources s on s.code = v.content ->> 'sourceCode'
        where v.code = @Code and recorded_time(v.recorded_txid, v.recorded_at) <= @AsOf
        order by v.version desc
        limit 1
        """;

    public string Code { get; init; } = "";
    public string? ContentJson { get; init; }
    public int Version { get; init; }
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public long? ParkId { get; init; }

    public StoredEnterprise Content => _content ??= StoredEnterprise.FromJson(ContentJson!);
    private StoredEnterprise? _content;

    public EnterpriseDto ToDto(ParkNames parks)
    {
        var content = Content;
        var stays = content.Parks.Select((stay, i) => new ParkStay
        {
            ParkCode = stay.ParkCode,
            ParkName = parks.Name(stay.ParkCode),
            Since = stay.Since,
            Until = i + 1 < content.Parks.Count ? content.Parks[i + 1].Since : null,
        }).ToList();
        return new EnterpriseDto
        {
            Code = Code,
            Name = Lang.Pick(content.Names.Zh, content.Names.En),
            Names = content.Names,
            CreditCode = content.CreditCode,
            ParkCode = content.ParkCode,
            ParkName = content.ParkCode is { } park ? parks.Name(park) : null,
            InParkSince = content.Parks.Count > 0 ? content.Parks[^1].Since : null,
            ParkHistory = stays,
            RegisteredOn = content.RegisteredOn,
            Industries = content.Industries,
            Qualifications = content.Qualifications,
            Figures = content.Figures,
            SourceCode = content.SourceCode,
            Source = ToSourceDto(),
            Illustrative = content.Illustrative,
            Version = Version,
            RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)),
            RecordedBy = RecordedBy,
        };
    }
}

/// <summary>The parks' names by code, in the request's language when asked (a park no longer there shows its code).</summary>
public sealed class ParkNames(IReadOnlyDictionary<string, (string Zh, string En)> names)
{
    public string Name(string code) => names.TryGetValue(code, out var name) ? Lang.Pick(name.Zh, name.En) : code;

    public IReadOnlyDictionary<string, string> InRequestLanguage() => names.ToDictionary(n => n.Key, n => Lang.Pick(n.Value.Zh, n.Value.En));

    public static async Task<ParkNames> LoadAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken) =>
        new((await connection.QueryAsync<(string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select code, name_zh, name_en from parks", transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(p => p.Code, p => (p.NameZh, p.NameEn)));
}

/// <summary>
/// Who may see which enterprises: keys with the <c>enterprises</c> scope (or admin), a park-limited one only those in
/// its park's subtree (an enterprise in no known park only by unrestricted keys). Written once, used by every read.
/// </summary>
public static class EnterpriseAccess
{
    /// <summary>
    /// The filter on an enterprise's park id <c>{column}</c> for the caller: true for an unrestricted key, else the
    /// column within the CTE <c>scope</c> (start the query with <see cref="ScopeCte"/>).
    /// </summary>
    public static string Filter(string column) => $"(@ScopeParkId::bigint is null or {column} in (select id from scope))";

    /// <summary>The CTE <c>scope (id)</c>: the caller's park subtree (empty for an unrestricted key).</summary>
    public static string ScopeCte => ParkTree.Within("@ScopeParkId", "scope");

    /// <summary>Whether the key holds the scope to read enterprises at all (admin does).</summary>
    public static bool MayRead(ICaller caller) => caller.Scopes.Contains(Scopes.Enterprises) || caller.Scopes.Contains(Scopes.Admin);

    /// <summary>The park ids a park-limited key may see enterprises in; null for an unrestricted key.</summary>
    public static async Task<HashSet<long>?> VisibleParksAsync(IDbConnection connection, ICaller caller, CancellationToken cancellationToken) =>
        caller.ParkScopeId is not { } scope ? null
        : (await connection.QueryAsync<long>(new CommandDefinition(ScopeCte + "select id from scope", new { ScopeParkId = scope }, cancellationToken: cancellationToken))).ToHashSet();

    /// <summary>Whether the caller may see an enterprise in this park.</summary>
    public static async Task<bool> MaySeeAsync(IDbConnection connection, IDbTransaction? transaction, ICaller caller, long? parkId, CancellationToken cancellationToken) =>
        parkId is { } park ? await caller.MaySeeParkAsync(connection, transaction, park, cancellationToken) : caller.ParkScopeId is null;
}
