using System.Net;
using Gaoxin.Api.Tests.Features.Imports;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Observations;
using Gaoxin.Contracts.Rounds;

namespace Gaoxin.Api.Tests.Features.Rounds;

/// <summary>
/// A reporting round as the bureau runs it: the officer opens 2024-Q1 and sees who has not reported; a park submits
/// with its warnings explained; the zone approves up the tree; the figures lock, and a later write is told exactly why.
/// The data set and its figures are illustrative (示例数据): the seed holds none.
/// </summary>
public sealed class RoundTests(ApiFactory factory) : ApiTest(factory)
{
    private const string HaidongKey = "gx_haidongr_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string ZoneKey = "gx_zonewrtr_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Round = "/api/v1/rounds/quarterly-sample/2024-Q1";

    /// <summary>The zone and two of its parks report three counts each quarter; the zone's key reviews the parks.</summary>
    public static DataSetFields SampleSet(int? closesAfterDays = 30) => new()
    {
        Names = new LocalizedText { Zh = "季度孵化情况（示例）", En = "Quarterly incubation (sample)" },
        PeriodType = ReportingPeriodType.Quarter,
        ValidFrom = "2024-Q1",
        IndicatorCodes = ["incubators", "incubating-enterprises", "maker-spaces"],
        ParkCodes = ["zhanjiang-hitech-zone", "haidong", "haichuang-centre"],
        DueAfterDays = 15,
        ClosesAfterDays = closesAfterDays,
        Rules =
        [
            new ValidationRuleFields
            {
                Code = "makers-within-enterprises", Names = new LocalizedText { Zh = "众创空间数不超过在孵企业数", En = "No more maker spaces than incubating enterprises" },
                Severity = RuleSeverity.Error, Kind = RuleKind.Compare, Operator = RuleOperator.LessThanOrEqual,
                Left = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "maker-spaces" }] },
                Right = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "incubating-enterprises" }] },
            },
            new ValidationRuleFields
            {
                Code = "incubators-year-on-year", Names = new LocalizedText { Zh = "孵化器数同比变动不超过 50%", En = "Incubators change by at most 50 % year on year" },
                Severity = RuleSeverity.Warning, Kind = RuleKind.Change, IndicatorCode = "incubators", Against = ChangeBase.SamePeriodLastYear, MaxChangePercent = 50,
            },
        ],
        Illustrative = true,
    };

    private async Task DefineAsync(DataSetFields? set = null) =>
        await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", set ?? SampleSet())).ReadAsync<DataSetDto>(HttpStatusCode.Created);

    private static PutObservationRequest Figure(string indicator, string park, string period, decimal value, string? note = null) => new()
    {
        IndicatorCode = indicator, ParkCode = park, Period = period, Value = value, AsOf = new DateOnly(2024, 4, 8), Note = note,
    };

    /// <summary>A correction from the given key, with If-Match naming the figure's current version.</summary>
    private async Task<HttpResponseMessage> CorrectAsync(HttpClient client, PutObservationRequest body)
    {
        var page = await (await Client.GetAsync($"/api/v1/observations?indicator={body.IndicatorCode}&park={body.ParkCode}&from={body.Period}&to={body.Period}")).ReadAsync<ObservationPage>();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/observations") { Content = System.Net.Http.Json.JsonContent.Create(body, options: Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{page.Items.Single().Version}\"");
        return await client.SendAsync(request);
    }

    private async Task KeysAsync()
    {
        await Factory.AddKeyAsync("haidong-reporter", HaidongKey, ["read", "write", "import"], park: "haidong", displayName: "海东园区统计员");
        await Factory.AddKeyAsync("zone-writer", ZoneKey, ["read", "write"], park: "zhanjiang-hitech-zone", displayName: "高新区统计科");
    }

    /// <summary>Haidong's 2024-Q1 figures: incubators doubled on 2023-Q1's, which a warning asks to explain.</summary>
    private async Task ReportHaidongAsync(HttpClient client)
    {
        await (await client.PutJsonAsync("/api/v1/observations", Figure("incubators", "haidong", "2023-Q1", 2))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        foreach (var (indicator, value) in new[] { ("incubators", 4m), ("incubating-enterprises", 30m), ("maker-spaces", 3m) })
        {
            await (await client.PutJsonAsync("/api/v1/observations", Figure(indicator, "haidong", "2024-Q1", value))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        }
    }

    [Fact]
    public async Task An_officer_sees_who_has_not_reported_a_park_submits_with_warnings_explained_the_zone_approves_and_a_later_write_is_told_why()
    {
        Factory.Clock.Set(new DateOnly(2024, 4, 10));
        await KeysAsync();
        await DefineAsync();
        var haidong = Factory.ClientWithKey(HaidongKey);
        var zone = Factory.ClientWithKey(ZoneKey);

        var opened = await (await Client.GetAsync(Round + "/status")).ReadAsync<RoundStatusDto>();
        Assert.Equal((new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 15), (DateOnly?)new DateOnly(2024, 5, 15)), (opened.Round.OpensOn, opened.Round.DueOn, opened.Round.ClosesOn));
        Assert.Equal(["zhanjiang-hitech-zone", "haichuang-centre", "haidong"], opened.Parks.Select(p => p.ParkCode));
        Assert.All(opened.Parks, p => Assert.Equal((RoundState.NotStarted, 0, 3, (bool?)null), (p.State, p.Present, p.Expected, p.OnTime)));

        await ReportHaidongAsync(haidong);
        var reported = await (await Client.GetAsync(Round + "/status")).ReadAsync<RoundStatusDto>();
        var haidongRow = reported.Parks.Single(p => p.ParkCode == "haidong");
        Assert.Equal((RoundState.InProgress, 3, 1m, 1, 0, "zhanjiang-hitech-zone"), (haidongRow.State, haidongRow.Present, haidongRow.Completeness, haidongRow.OpenWarnings, haidongRow.Errors, haidongRow.ParentCode));
        Assert.Equal(["zhanjiang-hitech-zone", "haichuang-centre"], reported.Parks.Where(p => p.State == RoundState.NotStarted).Select(p => p.ParkCode));

        // The warning stops the submission until it is explained; nothing changes meanwhile.
        var refused = await (await haidong.PostJsonAsync(Round + "/parks/haidong/submit", new SubmitRoundRequest())).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "round.rules-failed");
        var violation = refused.GetProperty("violations")[0];
        Assert.Equal(("incubators-year-on-year", "warning", 4m, 2m), (violation.GetProperty("ruleCode").GetString(), violation.GetProperty("severity").GetString(),
            violation.GetProperty("leftValue").GetDecimal(), violation.GetProperty("rightValue").GetDecimal()));
        Assert.Contains("100", violation.GetProperty("message").GetString());
        Assert.Equal(RoundState.InProgress, (await (await Client.GetAsync(Round + "/parks/haidong")).ReadAsync<ParkRoundDto>()).Status.State);

        var submitted = await (await haidong.PostJsonAsync(Round + "/parks/haidong/submit", new SubmitRoundRequest
        {
            Comment = "一季度数据",
            Explanations = [new ExplanationFields { RuleCode = "incubators-year-on-year", Text = "两家新孵化器于 2024 年 1 月认定（示例）。" }],
        })).ReadAsync<ParkRoundDto>();
        Assert.Equal((RoundState.Submitted, true, 0), (submitted.Status.State, submitted.Status.OnTime, submitted.Status.OpenWarnings));
        Assert.Equal("两家新孵化器于 2024 年 1 月认定（示例）。", submitted.Violations.Single().Explanation);
        Assert.Empty(submitted.AllowedActions); // the park's own key cannot review itself

        // A park's key cannot approve its own round; the zone's can, and sees the explanation.
        await (await haidong.PostJsonAsync(Round + "/parks/haidong/approve", new ReviewRoundRequest())).ReadProblemAsync(HttpStatusCode.Forbidden, "round.not-reviewer");
        var forReview = await (await zone.GetAsync(Round + "/parks/haidong")).ReadAsync<ParkRoundDto>();
        Assert.Equal([RoundAction.Approve, RoundAction.Return], forReview.AllowedActions);
        var approved = await (await zone.PostJsonAsync(Round + "/parks/haidong/approve", new ReviewRoundRequest { Comment = "同意" })).ReadAsync<ParkRoundDto>();
        Assert.Equal((RoundState.Approved, "高新区统计科"), (approved.Status.State, approved.Status.ApprovedBy));
        Assert.Equal([RoundAction.Submit, RoundAction.Approve], approved.History.Select(e => e.Action));

        // The zone itself: not before its parks are approved, and only by an admin (nothing is above it).
        foreach (var (indicator, value) in new[] { ("incubators", 9m), ("incubating-enterprises", 60m), ("maker-spaces", 5m) })
        {
            await (await zone.PutJsonAsync("/api/v1/observations", Figure(indicator, "zhanjiang-hitech-zone", "2024-Q1", value))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        }
        await (await zone.PostJsonAsync(Round + "/parks/zhanjiang-hitech-zone/submit", new SubmitRoundRequest())).ReadAsync<ParkRoundDto>();
        await (await zone.PostJsonAsync(Round + "/parks/zhanjiang-hitech-zone/approve", new ReviewRoundRequest())).ReadProblemAsync(HttpStatusCode.Forbidden, "round.not-reviewer");
        var pending = await (await Client.PostJsonAsync(Round + "/parks/zhanjiang-hitech-zone/approve", new ReviewRoundRequest())).ReadProblemAsync(HttpStatusCode.Conflict, "round.sub-parks-pending");
        Assert.Equal(["haichuang-centre"], pending.GetProperty("parks").EnumerateArray().Select(p => p.GetString()));

        // The approved figures are locked: a correction, a deletion and an import row are each told why and how to unlock.
        var locked = await (await CorrectAsync(haidong, Figure("maker-spaces", "haidong", "2024-Q1", 4, "更正"))).ReadProblemAsync((HttpStatusCode)423, "round.locked");
        var lockInfo = locked.GetProperty("lock");
        Assert.Equal(("quarterly-sample", "2024-Q1", "haidong", "approved", "高新区统计科"), (lockInfo.GetProperty("dataSetCode").GetString(), lockInfo.GetProperty("period").GetString(),
            lockInfo.GetProperty("parkCode").GetString(), lockInfo.GetProperty("reason").GetString(), lockInfo.GetProperty("by").GetString()));
        Assert.Contains("高新区统计科", locked.GetProperty("detail").GetString());
        Assert.Contains("2024-Q1", locked.GetProperty("detail").GetString());
        Assert.Contains("退回", lockInfo.GetProperty("howToUnlock").GetString()); // names the way out
        await (await haidong.DeleteAsync("/api/v1/observations?indicator=maker-spaces&park=haidong&period=2024-Q1")).ReadProblemAsync((HttpStatusCode)423, "round.locked");
        var import = await (await haidong.PostCsvAsync("observations", Imports.Imports.Csv("maker-spaces,haidong,2024-Q1,,4,2024-04-08,,更正", "incubators,haidong,2024-Q2,,4,2024-07-08,,"), "mode=rows")).ReportAsync();
        Assert.Equal((1, 1), (import.Created, import.Rejected));
        Assert.Equal(("round.locked", 2), (import.Problems.Single().Code, import.Problems.Single().Line));
        Assert.Contains("高新区统计科", import.Problems.Single().Message);
        Assert.Equal(3m, (await (await Client.GetAsync("/api/v1/observations?indicator=maker-spaces&park=haidong")).ReadAsync<ObservationPage>()).Items.Single().Value);

        // Every step is in the change feed and the audit log.
        var feed = await Client.GetStringAsync("/api/v1/changes?resourceType=round&limit=100");
        Assert.Contains("quarterly-sample/2024-Q1/haidong", feed);
        var audit = await Client.GetStringAsync("/api/v1/audit?resourceType=round&limit=100");
        Assert.Contains("quarterly-sample/2024-Q1/haidong", audit);
    }

    [Fact]
    public async Task Returning_reopens_the_figures_and_a_return_above_comes_first()
    {
        Factory.Clock.Set(new DateOnly(2024, 4, 10));
        await KeysAsync();
        await DefineAsync();
        var haidong = Factory.ClientWithKey(HaidongKey);
        var zone = Factory.ClientWithKey(ZoneKey);
        await ReportHaidongAsync(haidong);
        var explained = new SubmitRoundRequest { Explanations = [new ExplanationFields { RuleCode = "incubators-year-on-year", Text = "新认定（示例）" }] };
        await (await haidong.PostJsonAsync(Round + "/parks/haidong/submit", explained)).ReadAsync<ParkRoundDto>();

        // A submitted round cannot be submitted again, and returning needs its reason.
        var twice = await (await haidong.PostJsonAsync(Round + "/parks/haidong/submit", explained)).ReadProblemAsync(HttpStatusCode.Conflict, "round.transition-not-allowed");
        Assert.Equal("submitted", twice.GetProperty("roundState").GetString());
        await (await zone.PostJsonAsync(Round + "/parks/haidong/return", new ReviewRoundRequest())).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        var returned = await (await zone.PostJsonAsync(Round + "/parks/haidong/return", new ReviewRoundRequest { Comment = "请核实众创空间数" })).ReadAsync<ParkRoundDto>();
        Assert.Equal((RoundState.Returned, "请核实众创空间数", (RoundLockDto?)null), (returned.Status.State, returned.Status.Comment, returned.Status.Lock));
        Assert.Equal([RoundAction.Submit], returned.AllowedActions.Where(a => a == RoundAction.Submit));

        // Returned: the park corrects and submits again.
        await (await CorrectAsync(haidong, Figure("maker-spaces", "haidong", "2024-Q1", 2, "核实后更正"))).ReadAsync<ObservationDto>();
        await (await haidong.PostJsonAsync(Round + "/parks/haidong/submit", new SubmitRoundRequest())).ReadAsync<ParkRoundDto>();
        await (await zone.PostJsonAsync(Round + "/parks/haidong/approve", new ReviewRoundRequest())).ReadAsync<ParkRoundDto>();

        // Once the zone above is approved too, haidong is returned only after the zone is.
        await SubmitAndApproveZoneAsync(zone);
        var first = await (await zone.PostJsonAsync(Round + "/parks/haidong/return", new ReviewRoundRequest { Comment = "复核" })).ReadProblemAsync(HttpStatusCode.Conflict, "round.parent-approved");
        Assert.Equal(["zhanjiang-hitech-zone"], first.GetProperty("parks").EnumerateArray().Select(p => p.GetString()));
    }

    private async Task SubmitAndApproveZoneAsync(HttpClient zone)
    {
        // haichuang-centre reports nothing but its own figures are present as zeros; the zone's own too.
        foreach (var park in new[] { "haichuang-centre", "zhanjiang-hitech-zone" })
        {
            foreach (var indicator in new[] { "incubators", "incubating-enterprises", "maker-spaces" })
            {
                await (await Client.PutJsonAsync("/api/v1/observations", Figure(indicator, park, "2024-Q1", 1))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
            }
            await (await Client.PostJsonAsync(Round + $"/parks/{park}/submit", new SubmitRoundRequest())).ReadAsync<ParkRoundDto>();
        }
        await (await zone.PostJsonAsync(Round + "/parks/haichuang-centre/approve", new ReviewRoundRequest())).ReadAsync<ParkRoundDto>();
        await (await Client.PostJsonAsync(Round + "/parks/zhanjiang-hitech-zone/approve", new ReviewRoundRequest())).ReadAsync<ParkRoundDto>();
    }

    [Fact]
    public async Task Published_figures_stay_readable_after_a_reopening_and_an_unlock_is_an_audited_time_limited_exception()
    {
        Factory.Clock.Set(new DateOnly(2024, 4, 10));
        await KeysAsync();
        await DefineAsync();
        var haidong = Factory.ClientWithKey(HaidongKey);
        var zone = Factory.ClientWithKey(ZoneKey);
        await ReportHaidongAsync(haidong);
        await (await haidong.PostJsonAsync(Round + "/parks/haidong/submit", new SubmitRoundRequest { Explanations = [new ExplanationFields { RuleCode = "incubators-year-on-year", Text = "新认定（示例）" }] })).ReadAsync<ParkRoundDto>();
        await (await zone.PostJsonAsync(Round + "/parks/haidong/approve", new ReviewRoundRequest())).ReadAsync<ParkRoundDto>();

        // An unlock: only an admin, with a reason, for a few hours; writes go through meanwhile and the lock comes back.
        await (await zone.PostJsonAsync(Round + "/parks/haidong/unlock", new UnlockRoundRequest { Reason = "更正", Hours = 2 })).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        var unlocked = await (await Client.PostJsonAsync(Round + "/parks/haidong/unlock", new UnlockRoundRequest { Reason = "统计局通知更正（示例）", Hours = 2 })).ReadAsync<ParkRoundDto>();
        Assert.Equal((RoundState.Approved, "统计局通知更正（示例）"), (unlocked.Status.State, unlocked.Status.Unlock!.Reason));
        Assert.Null(unlocked.Status.Lock);
        await (await CorrectAsync(haidong, Figure("maker-spaces", "haidong", "2024-Q1", 2, "按通知更正"))).ReadAsync<ObservationDto>();
        Assert.Contains("round-unlock", await Client.GetStringAsync("/api/v1/audit?resourceType=round-unlock&limit=10"));
        Factory.Clock.Set(new DateOnly(2024, 4, 11));
        await (await haidong.PutJsonAsync("/api/v1/observations", Figure("maker-spaces", "haidong", "2024-Q1", 1, "再改"))).ReadProblemAsync((HttpStatusCode)423, "round.locked");

        // Published, then reopened by an admin: the published figure is still what asOf=publishedAt reads.
        var published = await (await zone.PostJsonAsync(Round + "/parks/haidong/publish", new ReviewRoundRequest())).ReadAsync<ParkRoundDto>();
        var publishedAt = published.Status.PublishedAt!.Value;
        await (await zone.PostJsonAsync(Round + "/parks/haidong/reopen", new ReviewRoundRequest { Comment = "更正" })).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        var reopened = await (await Client.PostJsonAsync(Round + "/parks/haidong/reopen", new ReviewRoundRequest { Comment = "年报核对后更正（示例）" })).ReadAsync<ParkRoundDto>();
        Assert.Equal((RoundState.InProgress, publishedAt), (reopened.Status.State, reopened.Status.PublishedAt));
        Factory.Clock.Set(new DateOnly(2024, 4, 12));
        await (await CorrectAsync(haidong, Figure("maker-spaces", "haidong", "2024-Q1", 1, "年报核对"))).ReadAsync<ObservationDto>();
        var asPublished = await (await Client.GetAsync($"/api/v1/observations?indicator=maker-spaces&park=haidong&asOf={Uri.EscapeDataString(publishedAt.ToString("O"))}")).ReadAsync<ObservationPage>();
        Assert.Equal(2m, asPublished.Items.Single().Value);
        Assert.Equal(1m, (await (await Client.GetAsync("/api/v1/observations?indicator=maker-spaces&park=haidong")).ReadAsync<ObservationPage>()).Items.Single().Value);
    }

    [Fact]
    public async Task A_round_past_its_closing_day_refuses_late_figures_until_an_admin_unlocks_it()
    {
        Factory.Clock.Set(new DateOnly(2024, 6, 1)); // 2024-Q1 closed on 2024-05-15
        await KeysAsync();
        await DefineAsync();
        var haidong = Factory.ClientWithKey(HaidongKey);
        var closed = await (await haidong.PutJsonAsync("/api/v1/observations", Figure("incubators", "haidong", "2024-Q1", 4))).ReadProblemAsync((HttpStatusCode)423, "round.locked");
        Assert.Equal(("closed", "2024-05-15"), (closed.GetProperty("lock").GetProperty("reason").GetString(), closed.GetProperty("lock").GetProperty("closesOn").GetString()));
        var status = await (await Client.GetAsync(Round + "/status")).ReadAsync<RoundStatusDto>();
        Assert.All(status.Parks, p => Assert.Equal((false, "closed"), (p.OnTime, p.Lock?.Reason)));

        // Figures of an indicator the set does not collect, or of another period type, are not the round's.
        await (await haidong.PutJsonAsync("/api/v1/observations", Figure("hospitals-grade-2a", "haidong", "2024-Q1", 1))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
        await (await haidong.PutJsonAsync("/api/v1/observations", Figure("incubators", "haidong", "2024-03", 4))).ReadAsync<ObservationDto>(HttpStatusCode.Created);

        await (await Client.PostJsonAsync(Round + "/parks/haidong/unlock", new UnlockRoundRequest { Reason = "补报（示例）", Hours = 24 })).ReadAsync<ParkRoundDto>();
        await (await haidong.PutJsonAsync("/api/v1/observations", Figure("incubators", "haidong", "2024-Q1", 4))).ReadAsync<ObservationDto>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_submission_by_import_runs_the_same_checks_and_either_submits_or_writes_nothing()
    {
        Factory.Clock.Set(new DateOnly(2024, 4, 10));
        await KeysAsync();
        await DefineAsync();
        var haidong = Factory.ClientWithKey(HaidongKey);
        // More maker spaces than enterprises: an error, so the whole import is refused and nothing is written.
        var bad = Imports.Imports.Csv("incubators,haidong,2024-Q1,,4,2024-04-08,,", "incubating-enterprises,haidong,2024-Q1,,3,2024-04-08,,", "maker-spaces,haidong,2024-Q1,,5,2024-04-08,,");
        var refused = await (await haidong.PostCsvAsync("observations", bad, "submit=true")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "round.rules-failed");
        Assert.Equal("makers-within-enterprises", refused.GetProperty("violations")[0].GetProperty("ruleCode").GetString());
        Assert.Empty((await (await Client.GetAsync("/api/v1/observations?indicator=maker-spaces&park=haidong")).ReadAsync<ObservationPage>()).Items);

        var good = Imports.Imports.Csv("incubators,haidong,2024-Q1,,4,2024-04-08,,", "incubating-enterprises,haidong,2024-Q1,,30,2024-04-08,,", "maker-spaces,haidong,2024-Q1,,5,2024-04-08,,");
        var report = await (await haidong.PostCsvAsync("observations", good, "submit=true")).ReportAsync();
        Assert.Equal(("quarterly-sample", "2024-Q1", "haidong"), (report.SubmittedRounds.Single().DataSetCode, report.SubmittedRounds.Single().Period, report.SubmittedRounds.Single().ParkCode));
        Assert.Equal(RoundState.Submitted, (await (await Client.GetAsync(Round + "/parks/haidong")).ReadAsync<ParkRoundDto>()).Status.State);
        await (await Client.PostCsvAsync("parks", "code\nx\n", "submit=true")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.invalid-parameter");
    }

    [Fact]
    public async Task A_rule_naming_an_unknown_indicator_one_the_set_does_not_collect_or_units_that_do_not_compare_is_422_naming_the_part()
    {
        var set = SampleSet();
        var unknown = set with { Rules = [set.Rules[0] with { Left = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "no-such-indicator" }] } }] };
        var problem = await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", unknown)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "data-set.unknown-reference");
        Assert.Equal("rules[0].left.terms[0].indicatorCode", problem.GetProperty("part").GetString());

        var outside = set with { Rules = [set.Rules[0] with { Right = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "hospitals-grade-2a" }] } }] };
        problem = await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", outside)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "data-set.invalid-rule");
        Assert.Equal("rules[0].right.terms[0].indicatorCode", problem.GetProperty("part").GetString());

        var units = set with
        {
            IndicatorCodes = [.. set.IndicatorCodes, "land-acquisition-launched"],
            Rules = [set.Rules[0] with { Right = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "land-acquisition-launched" }] } }],
        };
        problem = await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", units)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "data-set.invalid-rule");
        Assert.Equal("rules[0].right", problem.GetProperty("part").GetString());
        Assert.Contains("mu", problem.GetProperty("detail").GetString());

        var member = set with { Rules = [set.Rules[0] with { Left = new RuleSide { Terms = [new RuleTerm { IndicatorCode = "maker-spaces", Member = "no-such-member" }] } }] };
        problem = await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", member)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "data-set.unknown-reference");
        Assert.Equal("rules[0].left.terms[0].member", problem.GetProperty("part").GetString());

        var park = set with { ParkCodes = ["haidong", "no-such-park"] };
        problem = await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", park)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "data-set.unknown-reference");
        Assert.Equal("parkCodes[1]", problem.GetProperty("part").GetString());

        // A quarter set whose first period is a month; a compare rule without its sides.
        await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", set with { ValidFrom = "2024-03" })).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.PutJsonAsync("/api/v1/data-sets/quarterly-sample", set with { Rules = [set.Rules[0] with { Left = null }] })).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.GetAsync("/api/v1/data-sets/quarterly-sample")).ReadProblemAsync(HttpStatusCode.NotFound, "data-set.not-found");
    }

    [Fact]
    public async Task The_matrix_lists_rounds_newest_first_a_set_in_use_cannot_be_deleted_and_a_key_of_another_park_cannot_submit()
    {
        Factory.Clock.Set(new DateOnly(2024, 7, 3));
        await KeysAsync();
        await DefineAsync(SampleSet(closesAfterDays: null));
        var matrix = await (await Client.GetAsync("/api/v1/rounds?dataSet=quarterly-sample")).ReadAsync<RoundMatrixDto>();
        Assert.Equal(["2024-Q2", "2024-Q1"], matrix.Rounds.Select(r => r.Round.Period)); // the set starts in 2024-Q1
        Assert.Equal(3, matrix.Rounds[0].Parks.Count);
        var span = await (await Client.GetAsync("/api/v1/rounds?dataSet=quarterly-sample&from=2022-Q1&to=2024-Q3")).ReadAsync<RoundMatrixDto>();
        Assert.Equal(["2024-Q3", "2024-Q2", "2024-Q1"], span.Rounds.Select(r => r.Round.Period));
        await (await Client.GetAsync("/api/v1/rounds/quarterly-sample/2024-03/status")).ReadProblemAsync(HttpStatusCode.NotFound, "round.not-found");
        await (await Client.GetAsync(Round + "/parks/yuexi-data-valley")).ReadProblemAsync(HttpStatusCode.NotFound, "round.not-found");

        var haichuang = "gx_haichrep_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("haichuang-reporter", haichuang, ["read", "write"], park: "haichuang-centre");
        await (await Factory.ClientWithKey(haichuang).PostJsonAsync(Round + "/parks/haidong/submit", new SubmitRoundRequest())).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.outside-park-scope");
        await (await Factory.ClientWithKey(haichuang).PutJsonAsync("/api/v1/data-sets/quarterly-sample", SampleSet())).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.park-scoped-key");

        await (await Client.PostJsonAsync(Round + "/parks/haichuang-centre/submit", new SubmitRoundRequest())).ReadAsync<ParkRoundDto>();
        var etag = await ETagAsync("/api/v1/data-sets/quarterly-sample");
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/data-sets/quarterly-sample");
        delete.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await Client.SendAsync(delete)).ReadProblemAsync(HttpStatusCode.Conflict, "data-set.has-rounds");
    }
}
