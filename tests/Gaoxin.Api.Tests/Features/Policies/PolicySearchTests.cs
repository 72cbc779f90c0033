using Dapper;
using Gaoxin.Api.Features.Policies.ListPolicies;
using Gaoxin.Contracts.Policies;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Gaoxin.Api.Tests.Features.Policies;

public sealed class PolicySearchTests(ApiFactory factory) : ApiTest(factory)
{
    private async Task<PolicyPage> SearchAsync(string q, string language = "zh-CN") =>
        await (await Client.GetAsync("/api/v1/policies?q=" + Uri.EscapeDataString(q), language)).ReadAsync<PolicyPage>();

    [Fact]
    public async Task Gao_zhi_liang_finds_the_core_policy_first_with_the_match_highlighted()
    {
        await PolicySamples.LoadAsync(Client);

        var results = await SearchAsync("高质量");

        Assert.Equal("high-quality-development-opinions", results.Items[0].Id);
        Assert.Equal("title", results.Items[0].HighlightField);
        Assert.Contains("<mark>高质量</mark>", results.Items[0].Highlight);
        Assert.True(results.Items[0].Rank > results.Items[^1].Rank || results.Items.Count == 1);
        Assert.All(results.Items.Zip(results.Items.Skip(1)), pair => Assert.True(pair.First.Rank >= pair.Second.Rank));
    }

    [Theory]
    [InlineData("孵化", "sample-incubation-support-measures")]         // two characters
    [InlineData("研发", "sample-rnd-support-measures")]
    [InlineData("贴息", "sample-loan-interest-subsidy-2023")]
    [InlineData("孵", "sample-incubation-support-measures")]           // one character
    [InlineData("incubator", "sample-incubation-support-measures")]   // English, by stem: incubator ~ incubation
    [InlineData("high-quality", "high-quality-development-opinions")]
    [InlineData("百千万", "potou-hundred-thousand-ten-thousand-evaluation-system")]
    public async Task Chinese_and_english_queries_find_the_right_document_first(string q, string expected)
    {
        await PolicySamples.LoadAsync(Client);
        var results = await SearchAsync(q);
        Assert.NotEmpty(results.Items);
        Assert.Equal(expected, results.Items.OrderByDescending(r => r.Rank).ThenBy(r => r.Id, StringComparer.Ordinal).First().Id);
        Assert.Equal(expected, results.Items[0].Id);
    }

    [Fact]
    public async Task A_measure_inside_a_document_makes_it_findable_and_highlights_the_measure()
    {
        await PolicySamples.LoadAsync(Client);
        var results = await SearchAsync("租金减免");
        var hit = Assert.Single(results.Items);
        Assert.Equal("sample-incubation-support-measures", hit.Id);
        Assert.Contains("<mark>租金减免</mark>", hit.Highlight);
    }

    [Fact]
    public async Task English_results_are_highlighted_in_english()
    {
        await PolicySamples.LoadAsync(Client);
        var hit = (await SearchAsync("incubation", "en")).Items[0];
        Assert.Equal("Measures to Promote the Incubation of S&T Enterprises (illustrative)", hit.Title);
        Assert.Contains("<mark>Incubation</mark>", hit.Highlight);
        Assert.Contains("&amp;", hit.Highlight); // the passage is HTML-escaped around the marks
    }

    [Fact]
    public async Task Nothing_matches_a_word_no_document_holds()
    {
        await PolicySamples.LoadAsync(Client);
        var results = await SearchAsync("潜水艇");
        Assert.Empty(results.Items);
        Assert.Equal(0, results.Total);
    }

    [Theory]
    [InlineData("高质量")]
    [InlineData("孵")]
    [InlineData("incubator")]
    [InlineData("研发 incubator")]
    public async Task The_search_uses_the_gin_index(string q)
    {
        var dataSource = Factory.Services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // A handful of rows makes a sequential scan cheapest; forbid it to see whether the index can serve the query.
        await connection.ExecuteAsync("set local enable_seqscan = off", transaction: transaction);
        var plan = string.Join('\n', await connection.QueryAsync<string>("explain " + ListPoliciesHandler.Sql, new
        {
            Q = q, Day = new DateOnly(2024, 6, 1), Role = (string?)null, Status = (string?)null, Issuer = (string?)null,
            Category = (string?)null, Industry = (string?)null, ParkIds = (long[]?)null,
        }, transaction));

        Assert.Contains("policies_search_idx", plan);
    }

    [Theory]
    [InlineData("孵化")]
    [InlineData("政策")]
    [InlineData("incubator")]
    [InlineData("高质量发展")]
    public async Task Ranking_in_two_steps_gives_the_first_page_of_ranking_every_match(string q)
    {
        await PolicySamples.LoadAsync(Client);
        await using var connection = await Factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        var parameters = new { Q = q, Day = new DateOnly(2024, 6, 1), Role = (string?)null, Status = (string?)null, Issuer = (string?)null,
            Category = (string?)null, Industry = (string?)null, ParkIds = (long[]?)null, Take = 20, Skip = 0 };
        // The full ranking, as a page beyond the candidates is answered, against the two-step answer of the first page.
        var everyMatch = (await connection.QueryAsync<(string Code, double Rank)>(
            $"select code, rank from ({ListPoliciesHandler.Sql}) m limit @Take offset @Skip", parameters)).ToList();
        var twoSteps = (await connection.QueryAsync<(string Code, double Rank)>(
            $"select code, rank from ({ListPoliciesHandler.TwoStep}) m", parameters)).ToList();
        Assert.NotEmpty(everyMatch);
        Assert.Equal(everyMatch, twoSteps);
    }

    [Fact]
    public async Task A_search_answered_before_a_write_is_not_answered_again_after_it()
    {
        await PolicySamples.LoadAsync(Client);
        var before = await SearchAsync("海洋牧场");
        Assert.Empty(before.Items);
        await (await Client.PostJsonAsync("/api/v1/policies", new CreatePolicyRequest
        {
            Id = "sample-marine-ranching", Titles = new Gaoxin.Contracts.Common.LocalizedText { Zh = "海洋牧场建设措施（示例）", En = "Marine ranching measures (illustrative)" },
            Bodies = new PolicyBody { Zh = "" }, Role = PolicyRole.Supporting, IssuerCode = "zone-management-committee", Illustrative = true,
        })).ReadAsync<PolicyDto>(System.Net.HttpStatusCode.Created);
        var after = await SearchAsync("海洋牧场");
        Assert.Equal("sample-marine-ranching", Assert.Single(after.Items).Id);
    }
}
