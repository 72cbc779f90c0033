using Gaoxin.Api.Features.Parks;
using Gaoxin.Contracts.ApiKeys;

namespace Gaoxin.Api.Features.ApiKeys;

/// <summary>A key as admins read it (never its hash), and the keys a caller manages: all, or those in its park subtree.</summary>
public sealed class ApiKeyRow
{
    /// <summary>Select the keys the caller (<c>@ScopeId</c>, null for unrestricted) manages; append conditions with <c>and</c>.</summary>
    public static readonly string SelectManaged = ParkTree.Within("@ScopeId") + """
        select k.name, k.prefix, k.scopes, p.code as park_code, k.display_name, k.created_at, k.last_used_at, k.revoked_at
        from api_keys k left join parks p on p.id = k.park_id
        where (@ScopeId::bigint is null or k.park_id in (select id from within))
        """;

    public string Name { get; init; } = "";
    public string Prefix { get; init; } = "";
    public string[] Scopes { get; init; } = [];
    public string? ParkCode { get; init; }
    public string? DisplayName { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public DateTime? RevokedAt { get; init; }

    public ApiKeyDto ToDto() => new()
    {
        Name = Name, Prefix = Prefix, Scopes = Scopes, ParkCode = ParkCode, DisplayName = DisplayName,
        CreatedAt = Utc(CreatedAt)!.Value, LastUsedAt = Utc(LastUsedAt), RevokedAt = Utc(RevokedAt),
    };

    private static DateTimeOffset? Utc(DateTime? t) => t is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
