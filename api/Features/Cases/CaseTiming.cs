using Gaoxin.Contracts.Cases;

namespace Gaoxin.Api.Features.Cases;

/// <summary>A case's steps counted in working days for a day, and whether the case is overdue: the rule, written once.</summary>
public static class CaseTiming
{
    public sealed record Result(IReadOnlyList<CaseStepTiming> Steps, bool Overdue, IReadOnlyList<int> MissingYears);

    public static Result On(CaseFields @case, DateOnly on, WorkCalendar calendar, Func<string, string> departmentName)
    {
        // A case resolved or closed waits on no one: none of its steps is overdue any more.
        var settled = @case.State is CaseState.Resolved or CaseState.Closed;
        var missing = new SortedSet<int>();
        var steps = @case.Steps.Select((step, index) =>
        {
            if (step.StartedOn is not { } started || started > on)
            {
                return new CaseStepTiming { Index = index, Procedure = step.Procedure, DepartmentCode = step.DepartmentCode, DepartmentName = departmentName(step.DepartmentCode), Overdue = false, FinishedLate = false, Done = false };
            }
            var done = step.CompletedOn is { } completed && completed <= on;
            var until = done ? step.CompletedOn!.Value : on;
            var elapsed = calendar.WorkingDaysBetween(started, until);
            DateOnly? due = step.TimeLimitWorkingDays is { } limit ? calendar.AddWorkingDays(started, limit) : null;
            missing.UnionWith(calendar.MissingYears(started, new[] { until, due ?? until }.Max()));
            var over = step.TimeLimitWorkingDays is { } l && elapsed > l;
            return new CaseStepTiming
            {
                Index = index,
                Procedure = step.Procedure,
                DepartmentCode = step.DepartmentCode,
                DepartmentName = departmentName(step.DepartmentCode),
                ElapsedWorkingDays = elapsed,
                RemainingWorkingDays = step.TimeLimitWorkingDays - elapsed,
                DueOn = due,
                Overdue = over && !done && !settled,
                FinishedLate = over && done,
                Done = done,
            };
        }).ToList();
        var overdue = !settled && (steps.Any(s => s.Overdue) || @case.DueOn < on);
        return new Result(steps, overdue, missing.ToList());
    }
}
