using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

public static class RoundErrors
{
    public static ApiException DataSetNotFound(string code) => new(Problems.DataSetNotFound,
        new($"数据集“{code}”不存在。", $"There is no data set '{code}'."), new Dictionary<string, object?> { ["dataSetCode"] = code });

    public static ApiException RoundNotFound(string set, string period, Text why) => new(Problems.RoundNotFound, why,
        new Dictionary<string, object?> { ["dataSetCode"] = set, ["period"] = period });

    public static ApiException NotAssigned(string set, string period, string park) => new(Problems.RoundNotFound,
        new($"园区“{park}”不填报数据集“{set}”。", $"The park '{park}' does not report the data set '{set}'."),
        new Dictionary<string, object?> { ["dataSetCode"] = set, ["period"] = period, ["parkCode"] = park });

    public static ApiException HasRounds(string code, long count) => new(Problems.DataSetHasRounds,
        new($"数据集“{code}”已有 {count} 条填报记录，不能删除；可以修改它。", $"The data set '{code}' has {count} round records; it cannot be deleted, but it can be changed."),
        new Dictionary<string, object?> { ["dataSetCode"] = code });

    public static ApiException UnknownReference(string part, Text text) => new(Problems.DataSetUnknownReference, text,
        new Dictionary<string, object?> { ["part"] = part });

    public static ApiException InvalidRule(string part, Text text) => new(Problems.DataSetInvalidRule, text,
        new Dictionary<string, object?> { ["part"] = part });

    public static ApiException TransitionNotAllowed(RoundAction action, RoundState state) => new(Problems.RoundTransitionNotAllowed,
        new($"园区当前为“{Names[state].Zh}”，不能{ActionNames[action].Zh}。", $"The park's round is {Names[state].En}; it cannot be {ActionNames[action].En}."),
        new Dictionary<string, object?> { ["roundState"] = state, ["allowedActions"] = RoundWorkflow.ActionsFrom(state) });

    public static ApiException SubParksPending(IReadOnlyList<string> parks) => new(Problems.RoundSubParksPending,
        new($"下级园区 {string.Join("、", parks)} 尚未审核通过：先审核它们，再审核本园区。",
            $"The sub-parks {string.Join(", ", parks)} are not approved yet: approve them first, then this park."),
        new Dictionary<string, object?> { ["parks"] = parks });

    public static ApiException ParentApproved(string parent) => new(Problems.RoundParentApproved,
        new($"上级园区“{parent}”的本轮数据已审核：请先退回上级，再退回本园区。", $"The park above, '{parent}', is approved for this round: return it first, then this park."),
        new Dictionary<string, object?> { ["parks"] = new[] { parent } });

    public static ApiException NotReviewer(RoundAction action, string park) => new(Problems.RoundNotReviewer,
        RoundWorkflow.Needs(action) == RoundWorkflow.Role.Admin
            ? new($"只有管理员（admin 权限）可以{ActionNames[action].Zh}。", $"Only an admin key can have a round {ActionNames[action].En}.")
            : new($"园区“{park}”的本轮数据须由上级园区（或以上）的密钥或管理员{ActionNames[action].Zh}。",
                $"The round of '{park}' can be {ActionNames[action].En} only by a key of a park above it, or an admin."),
        new Dictionary<string, object?> { ["parkCode"] = park });

    public static ApiException RulesFailed(string set, string period, IReadOnlyList<ViolationDto> stopping) => new(Problems.RoundRulesFailed,
        new($"有 {stopping.Count(v => v.Severity == RuleSeverity.Error)} 项错误和 {stopping.Count(v => v.Severity == RuleSeverity.Warning)} 项未说明的警告，未上报：更正错误、为警告填写说明后再上报。",
            $"{stopping.Count(v => v.Severity == RuleSeverity.Error)} errors and {stopping.Count(v => v.Severity == RuleSeverity.Warning)} unexplained warnings: nothing was submitted. Correct the errors, explain the warnings, then submit."),
        new Dictionary<string, object?> { ["dataSetCode"] = set, ["period"] = period, ["violations"] = stopping });

    public static ApiException Locked(RoundLockDto lockInfo) => new(Problems.RoundLocked, LockText(lockInfo),
        new Dictionary<string, object?> { ["lock"] = lockInfo, ["dataSetCode"] = lockInfo.DataSetCode, ["period"] = lockInfo.Period, ["parkCode"] = lockInfo.ParkCode });

    /// <summary>Why, by whom, when and in which round: the sentence a refused write is told.</summary>
    public static Text LockText(RoundLockDto l)
    {
        var at = l.At is { } when ? when.ToOffset(Infrastructure.Time.ZoneClock.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
        var why = l.Reason switch
        {
            "closed" => new Text($"数据集“{l.DataSetCode}”{l.Period} 轮次已于 {l.ClosesOn:yyyy-MM-dd} 截止，园区“{l.ParkCode}”未上报。",
                $"The round {l.DataSetCode} {l.Period} closed on {l.ClosesOn:yyyy-MM-dd} before '{l.ParkCode}' submitted."),
            var state => new Text($"园区“{l.ParkCode}”在数据集“{l.DataSetCode}”{l.Period} 轮次的数据已由 {l.By} 于 {at}（UTC+8）{StateWords(state).Zh}。",
                $"The figures of '{l.ParkCode}' in the round {l.DataSetCode} {l.Period} were {StateWords(state).En} by {l.By} at {at} (UTC+8)."),
        };
        var how = HowToUnlock(l.Reason);
        return new(why.Zh + how.Zh, why.En + " " + how.En);
    }

    public static Text HowToUnlock(string reason) => reason switch
    {
        "submitted" => new("如需修改，请审核人退回（return）。", "To change them, ask a reviewer to return the round."),
        "approved" => new("如需修改，请审核人退回（return），或请管理员临时解锁（unlock）。", "To change them, ask a reviewer to return the round, or an admin to unlock it for a while."),
        "published" => new("已发布的数据须由管理员重新开放（reopen）后更正；发布版本仍可按 asOf 查看。", "Published figures are corrected after an admin reopens the round; the published version stays readable with asOf."),
        _ => new("请管理员临时解锁（unlock）后补报。", "Ask an admin to unlock the round for a while, then report."),
    };

    private static Text StateWords(string state) => state switch
    {
        "submitted" => new("上报", "submitted"),
        "approved" => new("审核通过", "approved"),
        _ => new("发布", "published"),
    };

    public static readonly IReadOnlyDictionary<RoundState, Text> Names = new Dictionary<RoundState, Text>
    {
        [RoundState.NotStarted] = new("未开始", "not started"),
        [RoundState.InProgress] = new("填报中", "in progress"),
        [RoundState.Submitted] = new("已上报", "submitted"),
        [RoundState.Returned] = new("已退回", "returned"),
        [RoundState.Approved] = new("已审核", "approved"),
        [RoundState.Published] = new("已发布", "published"),
    };

    private static readonly IReadOnlyDictionary<RoundAction, Text> ActionNames = new Dictionary<RoundAction, Text>
    {
        [RoundAction.Submit] = new("上报", "submitted"),
        [RoundAction.Approve] = new("审核通过", "approved"),
        [RoundAction.Return] = new("退回", "returned"),
        [RoundAction.Publish] = new("发布", "published"),
        [RoundAction.Reopen] = new("重新开放", "reopened"),
        [RoundAction.Unlock] = new("解锁", "unlocked"),
    };
}
