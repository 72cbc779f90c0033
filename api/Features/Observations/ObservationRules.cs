using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Indicators;

namespace Gaoxin.Api.Features.Observations;

/// <summary>A figure that breaks a rule: the rule's code and what to tell the client, in both languages.</summary>
public sealed record RuleBreach(ProblemKind Kind, Text Message);

/// <summary>
/// The rules of a figure, each written once: its code, its zh/en message and, where it can be checked row by row, its
/// check. PUT /observations and observation imports both use these; the import checks totals, corrections and
/// "unchanged" set-based in SQL for speed, naming the rule by the same code and answering with the same message, and
/// ObservationRuleParityTests sends the same figures down both paths to prove they agree.
/// </summary>
public static class ObservationRules
{
    public const int MaxNoteLength = 2000;

    /// <summary>A value of the wrong kind: a negative or fractional count, a percentage outside 0–100.</summary>
    public static RuleBreach? CheckValue(ValueKind kind, decimal value) => kind switch
    {
        ValueKind.Count when value < 0 || value != decimal.Truncate(value) =>
            new(Problems.RequestValidationFailed, new("计数必须是非负整数。", "A count must be a whole number, zero or more.")),
        ValueKind.Percent or ValueKind.Progress when value is < 0 or > 100 =>
            new(Problems.RequestValidationFailed, new("百分比必须在 0 到 100 之间。", "A percentage must be between 0 and 100.")),
        _ => null,
    };

    /// <summary>A breakdown member the indicator does not define (or a member at all, where it has no breakdown).</summary>
    public static RuleBreach? CheckMember(string indicatorCode, IReadOnlyList<string> allowed, string member) =>
        allowed.Count == 0
            ? new(Problems.RequestValidationFailed, new($"指标“{indicatorCode}”没有分项。", $"Indicator '{indicatorCode}' has no breakdown."))
            : allowed.Contains(member)
                ? null
                : new(Problems.RequestValidationFailed, new($"未知分项“{member}”；可用：{string.Join("、", allowed)}。", $"Unknown member '{member}'; allowed: {string.Join(", ", allowed)}."));

    public static RuleBreach? CheckNote(string? note) => note is { Length: > MaxNoteLength }
        ? new(Problems.RequestValidationFailed, new($"说明不能超过 {MaxNoteLength} 个字符。", $"A note has at most {MaxNoteLength} characters."))
        : null;

    /// <summary>The total must equal the sum of the breakdown, where the indicator says so.</summary>
    public static bool BreaksTotal(bool totalEqualsBreakdown, decimal? total, int parts, decimal partsSum) =>
        totalEqualsBreakdown && total is { } t && parts > 0 && t != partsSum;

    public static RuleBreach TotalMismatch(string indicatorCode, decimal total, decimal partsSum) => new(Problems.ObservationTotalMismatch,
        new($"总数 {total} 不等于分项之和 {partsSum}：指标“{indicatorCode}”要求总数等于分项之和。",
            $"The total {total} differs from the sum of its breakdown, {partsSum}: indicator '{indicatorCode}' requires the total to equal its breakdown."));

    /// <summary>Changing a recorded value (or its breakdown) is a correction, and a correction says why.</summary>
    public static bool NeedsNote(bool valueChanged, string? note) => valueChanged && note is null;

    public static readonly RuleBreach CorrectionNeedsNote = new(Problems.ObservationCorrectionNeedsNote,
        new("更正已发布的数值时必须填写说明（note）。", "A correction of a published value needs a note explaining it."));

    /// <summary>What a write stores as the note: trimmed, and nothing for blank.</summary>
    public static string? NormaliseNote(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
