using System.Net;
using Gaoxin.Contracts.Cases;
using Gaoxin.Contracts.Common;

namespace Gaoxin.Api.Tests.Features.Cases;

/// <summary>
/// The one-to-one approval service's cases as its officers use them: working days counted on the holiday calendar,
/// the overdue ones at a department in one call, and nothing of them visible to a key without the cases scope.
/// Every case here is illustrative: the seed holds none.
/// </summary>
public sealed class CaseTests(ApiFactory factory) : ApiTest(factory)
{
    /// <summary>Land accepted on Friday 2023-09-22 with 5 working days: Mon 25 to Thu 28 count, 29 Sep–6 Oct is the holiday, Sat 7 Oct is worked.</summary>
    private static CreateCaseRequest Sample(string code = "sample-2023-001") => new()
    {
        Code = code,
        EnterpriseName = "示例企业（示例数据）",
        ProjectName = "示例厂房",
        ParkCode = "haidong",
        State = CaseState.WaitingOnDepartment,
        OpenedOn = new DateOnly(2023, 9, 20),
        Steps =
        [
            new CaseStepFields { Procedure = Procedure.Land, DepartmentCode = "potou-natural-resources", StartedOn = new DateOnly(2023, 9, 22), TimeLimitWorkingDays = 5 },
            new CaseStepFields { Procedure = Procedure.EnvironmentalAssessment, DepartmentCode = "potou-ecology-environment", StartedOn = new DateOnly(2023, 9, 22), TimeLimitWorkingDays = 20 },
        ],
        Problems = [new SiteProblem { Kind = SiteProblemKind.Power, RaisedOn = new DateOnly(2023, 9, 21), Description = new LocalizedText { Zh = "临时用电未接入", En = "No temporary power yet" } }],
        Illustrative = true,
    };

    [Fact]
    public async Task Working_days_skip_the_national_day_holiday_and_count_the_weekend_worked_in_exchange()
    {
        await (await Client.PostJsonAsync("/api/v1/cases", Sample())).ReadAsync<CaseDto>(HttpStatusCode.Created);
        var onSaturday = await (await Client.GetAsync("/api/v1/cases/sample-2023-001?on=2023-10-07")).ReadAsync<CaseDto>();
        var land = onSaturday.Timing[0];
        Assert.Equal((5, 0, (DateOnly?)new DateOnly(2023, 10, 7), false), (land.ElapsedWorkingDays, land.RemainingWorkingDays, land.DueOn, land.Overdue));
        Assert.Empty(onSaturday.CalendarMissingYears);

        var onMonday = await (await Client.GetAsync("/api/v1/cases/sample-2023-001?on=2023-10-09")).ReadAsync<CaseDto>();
        Assert.Equal((7, -2, true), (onMonday.Timing[0].ElapsedWorkingDays, onMonday.Timing[0].RemainingWorkingDays, onMonday.Timing[0].Overdue));
        Assert.False(onMonday.Timing[1].Overdue);
        Assert.True(onMonday.Overdue);
        Assert.Equal("坡头区自然资源部门", onMonday.Timing[0].DepartmentName);
    }

    [Fact]
    public async Task Overdue_cases_at_a_department_are_one_call_and_a_resolved_case_is_never_overdue()
    {
        await (await Client.PostJsonAsync("/api/v1/cases", Sample())).ReadAsync<CaseDto>(HttpStatusCode.Created);
        var other = Sample("sample-2023-002") with
        {
            Steps = [new CaseStepFields { Procedure = Procedure.Land, DepartmentCode = "potou-natural-resources", StartedOn = new DateOnly(2023, 10, 9), TimeLimitWorkingDays = 20 }],
        };
        await (await Client.PostJsonAsync("/api/v1/cases", other)).ReadAsync<CaseDto>(HttpStatusCode.Created);
        var resolved = Sample("sample-2023-003") with { State = CaseState.Resolved, ResolvedOn = new DateOnly(2023, 10, 9) };
        await (await Client.PostJsonAsync("/api/v1/cases", resolved)).ReadAsync<CaseDto>(HttpStatusCode.Created);

        var overdue = await (await Client.GetAsync("/api/v1/cases?overdue=true&department=potou-natural-resources&on=2023-10-10")).ReadAsync<CasePage>();
        Assert.Equal(["sample-2023-001"], overdue.Items.Select(c => c.Code));
        // The environmental assessment is on time: nothing is overdue at that department.
        Assert.Empty((await (await Client.GetAsync("/api/v1/cases?overdue=true&department=potou-ecology-environment&on=2023-10-10")).ReadAsync<CasePage>()).Items);
        // All cases, the overdue first.
        var all = await (await Client.GetAsync("/api/v1/cases?on=2023-10-10")).ReadAsync<CasePage>();
        Assert.Equal(["sample-2023-001", "sample-2023-002", "sample-2023-003"], all.Items.Select(c => c.Code));
        Assert.Equal([true, false, false], all.Items.Select(c => c.Overdue));

        await (await Client.GetAsync("/api/v1/cases?department=no-such-department")).ReadProblemAsync(HttpStatusCode.NotFound, "organisation.not-found");
    }

    [Fact]
    public async Task A_key_without_the_cases_scope_sees_nothing_of_a_case_anywhere_and_a_park_key_only_its_parks()
    {
        await (await Client.PostJsonAsync("/api/v1/cases", Sample())).ReadAsync<CaseDto>(HttpStatusCode.Created);
        const string reader = "gx_nocasesk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        const string haichuang = "gx_hccasesk_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("no-cases", reader, ["read", "write", "import", "enterprises", "webhooks"], park: null);
        await Factory.AddKeyAsync("haichuang-cases", haichuang, ["read", "cases"], park: "haichuang-centre");

        foreach (var client in new[] { Factory.ClientWithKey(reader), Factory.ClientWithKey(null) })
        {
            foreach (var url in new[] { "/api/v1/cases", "/api/v1/cases/sample-2023-001", "/api/v1/cases?overdue=true" })
            {
                var response = await client.GetAsync(url);
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{url}: {response.StatusCode}");
                Assert.DoesNotContain("示例企业", await response.Content.ReadAsStringAsync());
            }
            var feed = await client.GetStringAsync("/api/v1/changes?limit=5000");
            Assert.DoesNotContain("sample-2023-001", feed);
            Assert.DoesNotContain("示例企业", await client.GetStringAsync("/api/v1/projects?limit=200"));
        }
        await (await Factory.ClientWithKey(reader).PostJsonAsync("/api/v1/cases", Sample("by-reader"))).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        var types = await Factory.ClientWithKey(reader).GetStringAsync("/api/v1/webhooks/event-types");
        Assert.DoesNotContain("case.", types); // cases are not in the change feed, so no webhook carries them either

        var park = Factory.ClientWithKey(haichuang);
        Assert.Empty((await (await park.GetAsync("/api/v1/cases")).ReadAsync<CasePage>()).Items);
        await (await park.GetAsync("/api/v1/cases/sample-2023-001")).ReadProblemAsync(HttpStatusCode.NotFound, "case.not-found");
    }

    [Fact]
    public async Task Contradicting_dates_and_unknown_departments_are_422_and_nothing_is_written()
    {
        var contradiction = Sample() with { ResolvedOn = new DateOnly(2023, 9, 1) };
        var problem = await (await Client.PostJsonAsync("/api/v1/cases", contradiction)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "case.conflicting-facts");
        Assert.True(problem.GetProperty("errors").TryGetProperty("resolvedOn", out _));
        var unknown = Sample() with { Steps = [new CaseStepFields { Procedure = Procedure.Water, DepartmentCode = "no-such-department" }] };
        await (await Client.PostJsonAsync("/api/v1/cases", unknown)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity, "case.unknown-reference");
        // Days beyond any record (a case opened in year 1, a count to year 9999) are refused, not counted for minutes.
        await (await Client.PostJsonAsync("/api/v1/cases", Sample() with { OpenedOn = new DateOnly(1, 1, 1) })).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        await (await Client.GetAsync("/api/v1/cases?on=9999-12-31")).ReadProblemAsync(HttpStatusCode.BadRequest, "request.validation-failed");
        Assert.Empty((await (await Client.GetAsync("/api/v1/cases")).ReadAsync<CasePage>()).Items);
    }

    [Fact]
    public async Task A_year_without_a_calendar_is_said_and_an_admin_records_it()
    {
        var case2027 = Sample("sample-2027-001") with
        {
            OpenedOn = new DateOnly(2027, 9, 28),
            Steps = [new CaseStepFields { Procedure = Procedure.Land, DepartmentCode = "potou-natural-resources", StartedOn = new DateOnly(2027, 9, 28), TimeLimitWorkingDays = 5 }],
        };
        await (await Client.PostJsonAsync("/api/v1/cases", case2027)).ReadAsync<CaseDto>(HttpStatusCode.Created);
        var before = await (await Client.GetAsync("/api/v1/cases/sample-2027-001?on=2027-10-08")).ReadAsync<CaseDto>();
        Assert.Equal([2027], before.CalendarMissingYears);
        Assert.True(before.Timing[0].Overdue); // weekends only: the holiday week counts as working days
        await (await Client.GetAsync("/api/v1/calendar/2027")).ReadProblemAsync(HttpStatusCode.NotFound, "calendar.year-not-found");

        // An illustrative calendar, for the test only (2027's notice is not out): one week of holiday.
        var year = new CalendarYear
        {
            Year = 2027,
            Source = "示例（测试用）",
            Days = Enumerable.Range(1, 7).Select(d => new CalendarDay { Date = new DateOnly(2027, 10, d), Kind = CalendarDayKind.Holiday, Names = new LocalizedText { Zh = "国庆节", En = "National Day" } }).ToList(),
        };
        const string writer = "gx_writeonl_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        await Factory.AddKeyAsync("writer", writer, ["read", "write"], park: null);
        await (await Factory.ClientWithKey(writer).PutJsonAsync("/api/v1/calendar/2027", year)).ReadProblemAsync(HttpStatusCode.Forbidden, "auth.insufficient-scope");
        Assert.Equal(HttpStatusCode.Created, (await Client.PutJsonAsync("/api/v1/calendar/2027", year)).StatusCode);

        // Tuesday 28 September: Wed 29, Thu 30, then the week off, then Fri 8 October.
        var after = await (await Client.GetAsync("/api/v1/cases/sample-2027-001?on=2027-10-08")).ReadAsync<CaseDto>();
        Assert.Empty(after.CalendarMissingYears);
        Assert.Equal((3, false), (after.Timing[0].ElapsedWorkingDays!.Value, after.Timing[0].Overdue));
        var seeded = await (await Client.GetAsync("/api/v1/calendar")).ReadAsync<CalendarYearList>();
        Assert.Equal([2023, 2024, 2025, 2026, 2027], seeded.Items.Select(y => y.Year));
    }

    [Fact]
    public async Task The_2026_calendar_is_seeded_from_its_notice_so_a_case_today_counts_the_national_day_week_off()
    {
        var body = Sample("sample-2026-001") with
        {
            OpenedOn = new DateOnly(2026, 9, 29),
            Steps = [new CaseStepFields { Procedure = Procedure.Land, DepartmentCode = "potou-natural-resources", StartedOn = new DateOnly(2026, 9, 29), TimeLimitWorkingDays = 5 }],
        };
        await (await Client.PostJsonAsync("/api/v1/cases", body)).ReadAsync<CaseDto>(HttpStatusCode.Created);
        // Tue 29 Sep: Wed 30, the 1st–7th off, Thu 8 Oct, Fri 9 Oct, Sat 10 Oct worked in exchange, Mon 12 Oct.
        var created = await (await Client.GetAsync("/api/v1/cases/sample-2026-001?on=2026-10-12")).ReadAsync<CaseDto>();
        Assert.Empty(created.CalendarMissingYears);
        Assert.Equal((5, (DateOnly?)new DateOnly(2026, 10, 12), false), (created.Timing[0].ElapsedWorkingDays!.Value, created.Timing[0].DueOn, created.Timing[0].Overdue));
    }
}
