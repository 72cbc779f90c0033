using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Features.Rounds;

/// <summary>
/// The way a park goes through a round, as one table: which action each state allows, where it leads, and who may
/// take it. notStarted → inProgress (by writing figures) → submitted → approved → published; a review step may return
/// it with a reason; an admin may reopen a published round, or unlock a locked one for a while.
/// </summary>
public static class RoundWorkflow
{
    /// <summary>Who takes an action: the park's own reporter, a reviewer above it, or an admin.</summary>
    public enum Role { Reporter, Reviewer, Admin }

    private sealed record Step(RoundAction Action, RoundState[] From, RoundState To, Role By);

    private static readonly Step[] Steps =
    [
        new(RoundAction.Submit, [RoundState.NotStarted, RoundState.InProgress, RoundState.Returned], RoundState.Submitted, Role.Reporter),
        new(RoundAction.Approve, [RoundState.Submitted], RoundState.Approved, Role.Reviewer),
        new(RoundAction.Return, [RoundState.Submitted, RoundState.Approved], RoundState.Returned, Role.Reviewer),
        new(RoundAction.Publish, [RoundState.Approved], RoundState.Published, Role.Reviewer),
        new(RoundAction.Reopen, [RoundState.Published], RoundState.InProgress, Role.Admin),
    ];

    /// <summary>States whose figures no one may write (without an unlock).</summary>
    public static bool Locks(RoundState state) => state is RoundState.Submitted or RoundState.Approved or RoundState.Published;

    /// <summary>The state a stored row (or its absence) shows as.</summary>
    public static RoundState Shown(string? stored, int present) => stored switch
    {
        "submitted" => RoundState.Submitted,
        "approved" => RoundState.Approved,
        "published" => RoundState.Published,
        "returned" => RoundState.Returned,
        _ => present > 0 ? RoundState.InProgress : RoundState.NotStarted,
    };

    /// <summary>How a state is stored: the two states before submission are one, told apart by the figures.</summary>
    public static string Stored(RoundState state) => state switch
    {
        RoundState.Submitted => "submitted",
        RoundState.Approved => "approved",
        RoundState.Published => "published",
        RoundState.Returned => "returned",
        _ => "open",
    };

    /// <summary>Where the action leads from the state; null when the state does not allow it.</summary>
    public static RoundState? Target(RoundAction action, RoundState from) =>
        Steps.FirstOrDefault(s => s.Action == action && s.From.Contains(from))?.To;

    /// <summary>The actions the state allows at all, whoever asks.</summary>
    public static IReadOnlyList<RoundAction> ActionsFrom(RoundState state) =>
        [.. Steps.Where(s => s.From.Contains(state)).Select(s => s.Action), .. Locks(state) ? [RoundAction.Unlock] : Array.Empty<RoundAction>()];

    /// <summary>Who may take the action (an admin may take every action a reviewer may).</summary>
    public static Role Needs(RoundAction action) =>
        action == RoundAction.Unlock ? Role.Admin : Steps.First(s => s.Action == action).By;

    /// <summary>Whether a caller in these roles may take the action.</summary>
    public static bool MayTake(RoundAction action, IReadOnlySet<Role> roles) => Needs(action) switch
    {
        Role.Reporter => roles.Contains(Role.Reporter),
        Role.Reviewer => roles.Contains(Role.Reviewer) || roles.Contains(Role.Admin),
        _ => roles.Contains(Role.Admin),
    };

    /// <summary>Returning and reopening must say why.</summary>
    public static bool NeedsComment(RoundAction action) => action is RoundAction.Return or RoundAction.Reopen;
}
