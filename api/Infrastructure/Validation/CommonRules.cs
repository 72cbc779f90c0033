using FluentValidation;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Api.Infrastructure.Validation;

/// <summary>Rules every resource shares: codes, bilingual texts, page sizes.</summary>
public static class CommonRules
{
    public const int MaxPageSize = 200;
    public const string CodePattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static IRuleBuilderOptions<T, string?> MustBeCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Length(2, 64)
            .Matches(CodePattern)
            .WithMessage(_ => Lang.Pick(
                "代码只能包含小写字母、数字和单个连字符，且不能以连字符开头或结尾。",
                "A code holds lower-case letters, digits and single hyphens, and neither starts nor ends with a hyphen."));

    public static IRuleBuilderOptions<T, LocalizedText?> MustBeText<T>(this IRuleBuilder<T, LocalizedText?> rule, int maxLength, bool required) =>
        rule.SetValidator(new LocalizedTextValidator(maxLength, required)!);

    public static IRuleBuilderOptions<T, int> MustBePageSize<T>(this IRuleBuilder<T, int> rule, int max = MaxPageSize) =>
        rule.InclusiveBetween(1, max);

    /// <summary>A list of at most <paramref name="max"/> items: the maxItems the OpenAPI document declares.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>?> MustHaveAtMost<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>?> rule, int max) =>
        rule.Must(items => items is null || items.Count <= max)
            .WithMessage(_ => Lang.Pick($"最多 {max} 项。", $"At most {max} items."));

    /// <summary>The days the platform's records may name: from the People's Republic's founding year to 2200.</summary>
    public static readonly DateOnly FirstDay = new(1949, 1, 1), LastDay = new(2200, 12, 31);

    /// <summary>A day within <see cref="FirstDay"/>–<see cref="LastDay"/> (or none).</summary>
    public static IRuleBuilderOptions<T, DateOnly?> MustBeRecordDay<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(day => day is null || (day >= FirstDay && day <= LastDay))
            .WithMessage(_ => Lang.Pick("日期须在 1949-01-01 至 2200-12-31 之间。", "A date lies between 1949-01-01 and 2200-12-31."));

    public delegate bool CursorDecoder(string? cursor);

    /// <summary>A cursor is null (the first page) or what the previous page returned as nextCursor.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeCursor<T>(this IRuleBuilder<T, string?> rule, CursorDecoder decode) =>
        rule.Must(cursor => decode(cursor))
            .WithMessage(_ => Lang.Pick("游标无效：请使用上一页返回的 nextCursor。", "Invalid cursor: pass the nextCursor of the previous page."));

    private sealed class LocalizedTextValidator : AbstractValidator<LocalizedText>
    {
        public LocalizedTextValidator(int maxLength, bool required)
        {
            if (required)
            {
                RuleFor(t => t.Zh).NotEmpty();
                RuleFor(t => t.En).NotEmpty();
            }
            RuleFor(t => t.Zh).MaximumLength(maxLength);
            RuleFor(t => t.En).MaximumLength(maxLength);
        }
    }
}
