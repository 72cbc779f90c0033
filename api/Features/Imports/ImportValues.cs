using System.Globalization;
using Gaoxin.Api.Infrastructure.Localization;

namespace Gaoxin.Api.Features.Imports;

/// <summary>Parsing of cell values, lenient where spreadsheets differ (2023/3/31 as well as 2023-03-31).</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyy.M.d"];

    public static bool TryDecimal(string? text, out decimal value) =>
        decimal.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    public static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    public static Text Missing(string column) => new($"缺少必填列“{column}”的值。", $"The column '{column}' needs a value.");

    public static Text NotANumber(string column, string? text) => new($"“{column}”的值“{text}”不是数字。", $"'{text}' in '{column}' is not a number.");

    public static Text NotADate(string column, string? text) => new($"“{column}”的值“{text}”不是日期（YYYY-MM-DD）。", $"'{text}' in '{column}' is not a date (YYYY-MM-DD).");
}
