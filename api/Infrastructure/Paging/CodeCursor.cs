using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Gaoxin.Api.Infrastructure.Paging;

/// <summary>
/// Keyset paging by code: the cursor is the last code of the previous page, opaque to clients. Stable under inserts
/// and deletes, and as fast on page 1,000 as on page 1.
/// </summary>
public static class CodeCursor
{
    private const string Prefix = "c:";

    public static string Encode(string code) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(Prefix + code));

    /// <summary>True for a null cursor (the first page) or a well-formed one.</summary>
    public static bool TryDecode(string? cursor, out string? code)
    {
        code = null;
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            if (!text.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return false;
            }
            code = text[Prefix.Length..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>ILIKE patterns for the <c>q</c> text filters, with the user's % and _ taken literally.</summary>
public static class Like
{
    public static string? Contains(string? text) => string.IsNullOrWhiteSpace(text)
        ? null
        : "%" + text.Trim().Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
}

/// <summary>A page cut from a query that fetched one row more than the page size: that extra row means "there is more".</summary>
public static class Keyset
{
    public static (List<TDto> Items, string? NextCursor) Page<TRow, TDto>(IReadOnlyList<TRow> rows, int limit, Func<TRow, TDto> map, Func<TRow, string> cursorOf)
    {
        var items = rows.Take(limit).Select(map).ToList();
        return (items, rows.Count > limit ? cursorOf(rows[limit - 1]) : null);
    }
}

/// <summary>
/// How a list of coded resources (parks, indicators) is searched and paged, written once: the text matches the code,
/// either name or either description; pages follow the code.
/// </summary>
public static class CodeSearch
{
    public static string TextAndKeyset(string alias) => $"""
          and (@Pattern::text is null
               or {alias}.code ilike @Pattern or {alias}.name_zh ilike @Pattern or {alias}.name_en ilike @Pattern
               or {alias}.description_zh ilike @Pattern or {alias}.description_en ilike @Pattern)
          and (@After::text is null or {alias}.code > @After)
        order by {alias}.code
        limit @Take
        """;
}
