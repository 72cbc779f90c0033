using Gaoxin.Api.Features.Changes.ListChanges;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Enterprises;
using System.Text.Json;

namespace Gaoxin.Api.Features.Webhooks;

/// <summary>
/// What a subscription can ask for, in Standard Webhooks' dotted form: every change-feed resource × action
/// (<c>observation.created</c>…) and every kind of match event (<c>match.newlyEligible</c>…). Enterprise changes and
/// match events are private: only keys that may read enterprises receive them.
/// </summary>
public static class WebhookEventTypes
{
    public sealed record EventType(string Type, Text Title, bool Private);

    // A park's place in a round is kept for good (its history and locks hang on it): there is no round.deleted.

    private static readonly Dictionary<string, Text> Resources = new()
    {
        ["park"] = new("园区", "Park"),
        ["indicator"] = new("指标", "Indicator"),
        ["observation"] = new("观测值", "Observation"),
        ["target"] = new("目标", "Target"),
        ["policy"] = new("政策文件", "Policy document"),
        ["measure"] = new("政策措施", "Policy measure"),
        ["enterprise"] = new("企业档案", "Enterprise"),
        ["project"] = new("重大项目", "Project"),
        ["round"] = new("填报轮次", "Reporting round"),
    };

    private static readonly (string Action, Text Title)[] Actions =
        [("created", new("新建", "created")), ("updated", new("更新", "updated")), ("deleted", new("删除", "deleted"))];

    private static readonly Dictionary<MatchEventKind, Text> MatchKinds = new()
    {
        [MatchEventKind.NewlyEligible] = new("企业新符合某项措施", "An enterprise newly qualifies for a measure"),
        [MatchEventKind.NoLongerEligible] = new("企业不再符合某项措施", "An enterprise no longer qualifies for a measure"),
        [MatchEventKind.NewlyDecidable] = new("企业与措施的匹配可以判定", "An enterprise's match with a measure can now be decided"),
    };

    public static IReadOnlyList<EventType> All { get; } =
    [
        .. ListChangesQuery.KnownResourceTypes.SelectMany(resource => Actions.Where(action => resource != "round" || action.Action != "deleted").Select(action => new EventType(
            $"{resource}.{action.Action}", new(Resources[resource].Zh + action.Title.Zh, $"{Resources[resource].En} {action.Title.En}"), resource == "enterprise"))),
        .. Enum.GetValues<MatchEventKind>().Select(kind => new EventType(OfMatch(kind), MatchKinds[kind], Private: true)),
    ];

    private static readonly Dictionary<string, EventType> ByType = All.ToDictionary(t => t.Type, StringComparer.Ordinal);

    public static bool IsKnown(string type) => ByType.ContainsKey(type);

    public static bool IsPrivate(string type) => ByType.TryGetValue(type, out var known) && known.Private;

    public static string OfChange(string resourceType, string action) => $"{resourceType}.{action}";

    public static string OfMatch(MatchEventKind kind) => "match." + JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
