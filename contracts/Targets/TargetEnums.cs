namespace Gaoxin.Contracts.Targets;

/// <summary>Which side of the planned value counts as reaching it. 目标方向。</summary>
public enum TargetDirection
{
    /// <summary>The figure must reach the value or exceed it (不低于).</summary>
    AtLeast,
    /// <summary>The figure must stay at the value or below it (不高于).</summary>
    AtMost,
    /// <summary>The figure must equal the value (等于).</summary>
    Exactly,
}

/// <summary>Where a target stands on a day; computed when asked, never stored. 目标状态。</summary>
public enum TargetStatus
{
    /// <summary>The latest figure meets the target (已完成).</summary>
    Achieved,
    /// <summary>Not met yet, but the share done keeps up with the share of time gone (进度正常).</summary>
    OnTrack,
    /// <summary>Not met, and the share done lags the share of time gone, or cannot be measured (有风险).</summary>
    AtRisk,
    /// <summary>The due date has passed, not met, and no figure dated on or after it yet (已逾期).</summary>
    Late,
    /// <summary>The due date has passed and a figure dated on or after it falls short (未完成).</summary>
    Missed,
    /// <summary>No figure for the target's indicator, park and period yet (无数据).</summary>
    NoData,
}
