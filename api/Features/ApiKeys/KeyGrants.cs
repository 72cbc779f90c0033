using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Security;

namespace Gaoxin.Api.Features.ApiKeys;

/// <summary>
/// A key hands on only what it holds: the keys it creates, and the keys it may revoke, are no stronger than itself
/// (their scopes within its own, their park subtree within its own). Without this, an admin key limited to Haidong
/// could mint a zone-wide admin key, or revoke the zone's keys.
/// </summary>
public static class KeyGrants
{
    /// <summary>What a set of scopes lets a key do: admin implies write and import (as the authorization policies
    /// say), and every key may read.</summary>
    public static IReadOnlySet<string> Effective(IEnumerable<string> scopes)
    {
        var effective = new HashSet<string>(scopes) { Scopes.Read };
        if (effective.Contains(Scopes.Admin))
        {
            effective.UnionWith(Scopes.All);
        }
        return effective;
    }

    /// <summary>Refuses with 403 <c>api-key.exceeds-caller</c> when a key with these scopes and park would be stronger
    /// than the caller.</summary>
    public static async Task EnsureNoStrongerAsync(this ICaller caller, DbSession session, string keyName,
        IEnumerable<string> scopes, long? parkId, CancellationToken cancellationToken)
    {
        var missing = Effective(scopes).Except(Effective(caller.Scopes)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw Exceeds(keyName, new Text($"它的权限范围超出了你的密钥：{string.Join("、", missing)}。", $"its scopes go beyond your key's: {string.Join(", ", missing)}."));
        }
        if (caller.ParkScopeId is not { } callerPark)
        {
            return;
        }
        if (parkId is not { } keyPark)
        {
            throw Exceeds(keyName, new Text("你的密钥只限于部分园区，而它适用于全区。", "your key is limited to some parks, and it would apply to the whole zone."));
        }
        if (!await ParkScope.IsWithinAsync(session, keyPark, callerPark, cancellationToken))
        {
            throw Exceeds(keyName, new Text("它适用的园区不在你的密钥的园区范围内。", "its park is outside your key's park subtree."));
        }
    }

    private static ApiException Exceeds(string keyName, Text why) => new(Problems.ApiKeyExceedsCaller,
        new Text($"不能创建或吊销密钥“{keyName}”：{why.Zh}", $"Key '{keyName}' cannot be created or revoked by this key: {why.En}"),
        new Dictionary<string, object?> { ["name"] = keyName });
}
