using System.Net;
using System.Text.RegularExpressions;

namespace Gaoxin.Api.Features.Policies;

/// <summary>The passage of a search result that best shows why it matched.</summary>
public sealed record Highlight(string Field, string Html);

/// <summary>
/// Marks the search terms in a result. PostgreSQL's ts_headline cannot, because it re-parses the text with a
/// parser that sees a Chinese sentence as one word. Chinese runs are matched as written; English words also by
/// their first five letters, which covers the stems the index matched (incubator ~ incubators ~ incubation).
/// </summary>
public static partial class Highlighter
{
    private const int Context = 40;

    private static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The first passage that matches, marked; null when none does, or when marking takes longer than its budget: a
    /// result without a highlight is still a result, and a search must never fail for want of one.
    /// </summary>
    public static Highlight? Find(string query, IEnumerable<(string Field, string? Text)> fields) => Find(query, fields, Budget);

    public static Highlight? Find(string query, IEnumerable<(string Field, string? Text)> fields, TimeSpan budget)
    {
        try
        {
            return Mark(query, fields, budget);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Highlight? Mark(string query, IEnumerable<(string Field, string? Text)> fields, TimeSpan budget)
    {
        var patterns = Terms(query);
        if (patterns.Count == 0)
        {
            return null;
        }
        var regex = new Regex(string.Join('|', patterns), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, budget);

        foreach (var (field, text) in fields)
        {
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }
            var first = regex.Match(text);
            if (!first.Success)
            {
                continue;
            }
            var start = Math.Max(0, first.Index - Context);
            var end = Math.Min(text.Length, first.Index + first.Length + Context * 2);
            var passage = text[start..end];
            var html = regex.Replace(WebUtility.HtmlEncode(passage), match => $"<mark>{match.Value}</mark>");
            return new Highlight(field, (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : ""));
        }
        return null;
    }

    private static List<string> Terms(string query)
    {
        var terms = new List<string>();
        foreach (Match run in HanRun().Matches(query))
        {
            terms.Add(Regex.Escape(run.Value));
        }
        foreach (Match word in Word().Matches(HanRun().Replace(query, " ")))
        {
            var value = word.Value;
            if (value.Length < 2)
            {
                continue;
            }
            // Letters only, so the term survives HTML encoding unchanged.
            terms.Add(Regex.Escape(value.Length > 5 ? value[..5] : value) + @"[\p{L}\p{N}]*");
        }
        return terms;
    }

    [GeneratedRegex(@"[\u3400-\u4dbf\u4e00-\u9fff]+")]
    private static partial Regex HanRun();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
