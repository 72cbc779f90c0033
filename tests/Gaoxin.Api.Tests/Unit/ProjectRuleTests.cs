using Gaoxin.Api.Features.Cases;
using Gaoxin.Api.Features.Projects;
using Gaoxin.Contracts.Cases;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Projects;

namespace Gaoxin.Api.Tests.Unit;

/// <summary>The rules of the zone's works and of service cases' time limits, without a database.</summary>
public sealed class ProjectRuleTests
{
    private static ProjectFields Project(string? planned = null, string? actual = null, params (string Project, string? Milestone)[] dependsOn) => new()
    {
        Names = new LocalizedText { Zh = "示例", En = "Sample" },
        Kind = ProjectKind.Other,
        PlannedCompletion = planned,
        ActualCompletion = actual,
        DependsOn = dependsOn.Select(d => new DependencyRef { ProjectCode = d.Project, MilestoneCode = d.Milestone }).ToList(),
    };

    [Theory]
    [InlineData("2023", "2023-01-01", "2023-12-31")]
    [InlineData("2023-10", "2023-10-01", "2023-10-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-06-15", "2023-06-15", "2023-06-15")]
    public void A_partial_date_is_a_fact_from_its_first_day_and_a_deadline_to_its_last(string text, string first, string last)
    {
        Assert.Equal((DateOnly.Parse(first), DateOnly.Parse(last)), (PartialDates.First(text)!.Value, PartialDates.Last(text)!.Value));
    }

    [Theory]
    [InlineData("2023-Q2")]
    [InlineData("2023-13")]
    [InlineData("2023-02-30")]
    [InlineData("23-06")]
    public void Quarters_and_impossible_dates_are_not_partial_dates(string text) => Assert.False(PartialDates.IsValid(text));

    [Fact]
    public void The_latest_fact_by_the_day_gives_the_status_and_a_completion_beats_a_start_on_the_same_day()
    {
        var project = Project() with
        {
            ActualStart = "2023-03-01",
            StatusReports = [new StatusReport { AsOf = new DateOnly(2023, 1, 10), Status = ProjectStatus.Preliminary }, new StatusReport { AsOf = new DateOnly(2023, 3, 1), Status = ProjectStatus.Completed }],
        };
        Assert.Equal(ProjectStatus.Planned, ProjectStatusRules.StatusOn(project, new DateOnly(2023, 1, 9), []));
        Assert.Equal(ProjectStatus.Preliminary, ProjectStatusRules.StatusOn(project, new DateOnly(2023, 2, 1), []));
        Assert.Equal(ProjectStatus.Completed, ProjectStatusRules.StatusOn(project, new DateOnly(2023, 3, 1), []));
    }

    [Fact]
    public void A_project_of_phases_with_no_facts_of_its_own_stands_where_its_phases_do()
    {
        var graph = new ProjectGraph(new Dictionary<string, ProjectFields>
        {
            ["network"] = Project(),
            ["phase-1"] = Project(actual: "2023-03") with { PhaseOf = "network" },
            ["phase-2"] = Project("2023-10") with { PhaseOf = "network", ActualStart = "2023-01" },
        });
        Assert.Equal(ProjectStatus.Planned, graph.StatusOf("network", new DateOnly(2022, 12, 1)));
        Assert.Equal(ProjectStatus.UnderConstruction, graph.StatusOf("network", new DateOnly(2023, 3, 31)));
        var finished = new ProjectGraph(new Dictionary<string, ProjectFields>
        {
            ["network"] = Project(),
            ["phase-1"] = Project(actual: "2023-03") with { PhaseOf = "network" },
            ["phase-2"] = Project(actual: "2023-10") with { PhaseOf = "network" },
        });
        Assert.Equal(ProjectStatus.Completed, finished.StatusOf("network", new DateOnly(2023, 11, 1)));
        Assert.Equal(ScheduleStatus.Done, finished.Judge(new DateOnly(2023, 11, 1), _ => null)[new Node("network", null)].Status);
    }

    [Fact]
    public void A_cycle_is_found_with_its_path_and_an_acyclic_graph_has_none()
    {
        var acyclic = new ProjectGraph(new Dictionary<string, ProjectFields> { ["a"] = Project(), ["b"] = Project(dependsOn: ("a", null)), ["c"] = Project(dependsOn: [("a", null), ("b", null)]) });
        Assert.Null(acyclic.FindCycle());
        var cyclic = new ProjectGraph(new Dictionary<string, ProjectFields> { ["a"] = Project(dependsOn: ("c", null)), ["b"] = Project(dependsOn: ("a", null)), ["c"] = Project(dependsOn: ("b", null)) });
        Assert.Equal(["a", "c", "b", "a"], cyclic.FindCycle()!.Select(n => n.ToString()));
    }

    [Fact]
    public void Due_dates_flow_back_from_what_needs_a_work_and_a_late_prerequisite_puts_the_dependent_at_risk()
    {
        var graph = new ProjectGraph(new Dictionary<string, ProjectFields>
        {
            ["target"] = Project("2023-06", dependsOn: [("undated", null), ("early", null)]),
            ["undated"] = Project(),
            ["early"] = Project("2023-03"),
        });
        var april = graph.Judge(new DateOnly(2023, 4, 1), _ => null);
        Assert.Equal(new DateOnly(2023, 6, 30), april[new Node("undated", null)].DueBy);
        Assert.Equal(ScheduleStatus.Late, april[new Node("early", null)].Status);
        Assert.Equal(ScheduleStatus.AtRisk, april[new Node("target", null)].Status);
        Assert.Equal(["early"], april[new Node("target", null)].BlockedBy.Select(b => b.ToString()));

        var july = graph.Judge(new DateOnly(2023, 7, 1), _ => null);
        Assert.Equal(ScheduleStatus.Late, july[new Node("undated", null)].Status);
        Assert.Equal(["target"], ProjectGraph.CriticalPath(graph, new Node("target", null), july).Skip(1).Select(n => n.ToString()));
    }

    [Fact]
    public void Work_planned_after_it_is_needed_is_at_risk_and_a_done_prerequisite_blocks_nothing()
    {
        var graph = new ProjectGraph(new Dictionary<string, ProjectFields>
        {
            ["target"] = Project("2023-06", dependsOn: [("slow", null), ("done", null)]),
            ["slow"] = Project("2023-09"),
            ["done"] = Project("2023-01", actual: "2023-02"),
        });
        var april = graph.Judge(new DateOnly(2023, 4, 1), _ => null);
        Assert.Equal(ScheduleStatus.AtRisk, april[new Node("slow", null)].Status);
        Assert.Equal(ScheduleStatus.Done, april[new Node("done", null)].Status);
        Assert.Equal(["slow"], april[new Node("target", null)].BlockedBy.Select(b => b.ToString()));
        Assert.Equal(["slow", "target"], ProjectGraph.CriticalPath(graph, new Node("target", null), april).Select(n => n.ToString()));
    }

    [Fact]
    public void Behind_on_percent_with_a_month_left_is_at_risk_by_the_indicators_rule()
    {
        var graph = new ProjectGraph(new Dictionary<string, ProjectFields> { ["road"] = Project("2023-10") });
        Assert.Equal(ScheduleStatus.AtRisk, graph.Judge(new DateOnly(2023, 10, 15), _ => 78m)[new Node("road", null)].Status);
        Assert.Equal(ScheduleStatus.OnTrack, graph.Judge(new DateOnly(2023, 3, 31), _ => 78m)[new Node("road", null)].Status);
    }

    private static readonly CalendarYear NationalDay2023 = new()
    {
        Year = 2023,
        Source = "国办发明电〔2022〕16号",
        Days = [.. Enumerable.Range(29, 2).Select(d => new DateOnly(2023, 9, d)).Concat(Enumerable.Range(1, 6).Select(d => new DateOnly(2023, 10, d)))
                    .Select(d => new CalendarDay { Date = d, Kind = CalendarDayKind.Holiday, Names = new LocalizedText { Zh = "中秋节、国庆节", En = "Mid-Autumn Festival and National Day" } }),
                new CalendarDay { Date = new DateOnly(2023, 10, 7), Kind = CalendarDayKind.Workday, Names = new LocalizedText { Zh = "调休", En = "Worked" } },
                new CalendarDay { Date = new DateOnly(2023, 10, 8), Kind = CalendarDayKind.Workday, Names = new LocalizedText { Zh = "调休", En = "Worked" } }],
    };

    [Fact]
    public void Working_days_skip_weekends_and_holidays_count_the_weekends_worked_and_start_the_day_after()
    {
        var calendar = new WorkCalendar([NationalDay2023]);
        Assert.Equal(new DateOnly(2023, 9, 25), calendar.AddWorkingDays(new DateOnly(2023, 9, 22), 1)); // Friday → Monday
        Assert.Equal(new DateOnly(2023, 10, 7), calendar.AddWorkingDays(new DateOnly(2023, 9, 22), 5)); // over the holiday, onto the Saturday worked
        Assert.Equal(7, calendar.WorkingDaysBetween(new DateOnly(2023, 9, 22), new DateOnly(2023, 10, 9)));
        Assert.Equal(0, calendar.WorkingDaysBetween(new DateOnly(2023, 9, 22), new DateOnly(2023, 9, 22)));
        Assert.Equal([2024], calendar.MissingYears(new DateOnly(2023, 12, 1), new DateOnly(2024, 1, 5)));
    }

    [Fact]
    public void Counting_working_days_by_arithmetic_agrees_with_walking_the_calendar_day_by_day()
    {
        var calendar = new WorkCalendar([NationalDay2023]);
        var random = new Random(20231001);
        for (var i = 0; i < 500; i++)
        {
            var start = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 400));
            var end = start.AddDays(random.Next(-5, 120));
            var walked = 0;
            for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
            {
                walked += calendar.IsWorkingDay(day) ? 1 : 0;
            }
            Assert.True(walked == calendar.WorkingDaysBetween(start, end), $"{start}..{end}: walked {walked}, counted {calendar.WorkingDaysBetween(start, end)}");
        }
    }

    [Fact]
    public void A_step_past_its_limit_is_overdue_until_done_and_a_closed_case_waits_on_no_one()
    {
        var calendar = new WorkCalendar([NationalDay2023]);
        var open = new CaseFields
        {
            ParkCode = "haidong", State = CaseState.Open, OpenedOn = new DateOnly(2023, 9, 1),
            Steps = [new CaseStepFields { Procedure = Procedure.Water, DepartmentCode = "x", StartedOn = new DateOnly(2023, 9, 22), TimeLimitWorkingDays = 5 }],
        };
        var overdue = CaseTiming.On(open, new DateOnly(2023, 10, 9), calendar, code => code);
        Assert.Equal((true, -2), (overdue.Overdue, overdue.Steps[0].RemainingWorkingDays!.Value));

        var doneLate = open with { Steps = [open.Steps[0] with { CompletedOn = new DateOnly(2023, 10, 9) }] };
        var after = CaseTiming.On(doneLate, new DateOnly(2023, 10, 20), calendar, code => code);
        Assert.Equal((false, true, false), (after.Steps[0].Overdue, after.Steps[0].FinishedLate, after.Overdue));

        var closed = CaseTiming.On(open with { State = CaseState.Closed }, new DateOnly(2023, 10, 9), calendar, code => code);
        Assert.False(closed.Overdue || closed.Steps[0].Overdue);
    }
}
