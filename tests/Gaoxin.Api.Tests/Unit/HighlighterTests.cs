using Gaoxin.Api.Features.Policies;

namespace Gaoxin.Api.Tests.Unit;

public sealed class HighlighterTests
{
    [Theory]
    [InlineData("孵化", "支持孵化载体建设", "支持<mark>孵化</mark>载体建设")]
    [InlineData("incubator", "Support for incubators and parks", "Support for <mark>incubators</mark> and parks")]
    [InlineData("研发 incubation", "研发 and incubator", "<mark>研发</mark> and <mark>incubator</mark>")]
    public void Marks_chinese_runs_as_written_and_english_words_by_their_stem(string query, string text, string html) =>
        Assert.Equal(html, Highlighter.Find(query, [("title", text)])!.Html);

    [Fact]
    public void Text_is_html_escaped_around_the_marks() =>
        Assert.Equal("&lt;b&gt;<mark>孵化</mark>", Highlighter.Find("孵化", [("body", "<b>孵化")])!.Html);

    [Fact]
    public void No_match_or_no_usable_term_is_no_highlight()
    {
        Assert.Null(Highlighter.Find("孵化", [("title", "研发")]));
        Assert.Null(Highlighter.Find("a", [("title", "a b c")]));
    }

    [Fact]
    public void Marking_that_overruns_its_budget_degrades_to_no_highlight_instead_of_failing()
    {
        var text = string.Concat(Enumerable.Repeat("incubatorincubatorincubator ", 200_000));
        Assert.NotNull(Highlighter.Find("zzzzz incub", [("body", text)])); // with its real budget it marks
        Assert.Null(Highlighter.Find("zzzzz incub", [("body", text)], TimeSpan.FromTicks(1)));
    }
}
