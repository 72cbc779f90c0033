using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Parks;

/// <summary>The park problems clients can act on; each code is stable and listed in the README.</summary>
public static class ParkErrors
{
    public static ApiException NotFound(string code) => new(Problems.ParkNotFound,
        new Text($"园区“{code}”不存在。", $"Park '{code}' does not exist."),
        new Dictionary<string, object?> { ["parkCode"] = code });

    public static ApiException HasEnterprises(string code, long count) => new(Problems.ParkHasEnterprises,
        new($"园区“{code}”有 {count} 家企业的档案记录在此，不能删除；可将其标为关闭。", $"Park '{code}' cannot be deleted: {count} enterprises' records name it. Mark it closed instead."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["enterpriseCount"] = count });

    public static ApiException HasProjects(string code, long count) => new(Problems.ParkHasProjects,
        new($"园区“{code}”有 {count} 个项目或代办事项记录在此，不能删除；请先将它们移到其他园区，或将园区标为关闭。",
            $"Park '{code}' cannot be deleted: {count} projects or service cases are recorded in it. Move them first, or mark the park closed."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["projectCount"] = count });

    public static ApiException SourceNotFound(string code) => new(Problems.SourceNotFound,
        new Text($"来源“{code}”不存在。", $"Source '{code}' does not exist."),
        new Dictionary<string, object?> { ["sourceCode"] = code });

    public static ApiException CodeTaken(string code) => new(Problems.ParkCodeTaken,
        new Text($"代码“{code}”已被其他园区使用。", $"Code '{code}' is already used by another park."),
        new Dictionary<string, object?> { ["parkCode"] = code });

    public static ApiException ZoneExists() => new(Problems.ParkZoneExists,
        new Text("高新区（根节点）已存在；其他园区必须有上级。", "The zone (the root) already exists; every other park needs a parent."));

    public static ApiException ParentCycle(string code, string parentCode) => new(Problems.ParkParentCycle,
        new Text($"不能把“{code}”移到它自己或它的下级“{parentCode}”之下。", $"Park '{code}' cannot move under itself or its descendant '{parentCode}'."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["parentCode"] = parentCode });

    public static ApiException HasChildren(string code, IReadOnlyList<string> children) => new(Problems.ParkHasChildren,
        new Text($"园区“{code}”仍有下级园区，请先删除或移走：{string.Join("、", children)}。",
                 $"Park '{code}' still has sub-parks; delete or move them first: {string.Join(", ", children)}."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["childCodes"] = children });

    public static ApiException HasObservations(string code, long count) => new(Problems.ParkHasObservations,
        new Text($"园区“{code}”仍有 {count} 条观测值，请先删除它们。", $"Park '{code}' still has {count} observations; delete them first."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["observationCount"] = count });

    public static ApiException TooDeep(string code, int maxDepth) => new(Problems.ParkTreeTooDeep,
        new Text($"园区“{code}”放在这里会使园区树超过 {maxDepth} 层。", $"Placing park '{code}' here would make the park tree deeper than {maxDepth} levels."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["maxDepth"] = maxDepth });

    public static ApiException HasHistory(string code, long revisions) => new(Problems.ParkHasHistory,
        new Text($"园区“{code}”有 {revisions} 条观测值历史记录，历史须保留，因此不能删除该园区。",
                 $"Park '{code}' has {revisions} revisions of observation history, which is kept for good; the park cannot be deleted."),
        new Dictionary<string, object?> { ["parkCode"] = code, ["revisionCount"] = revisions });
}
