using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Projects.GetProjectTimeline;

public sealed record GetProjectTimelineQuery(string? Park, DateOnly From, DateOnly To, DateOnly? On) : IQuery<ProjectTimeline>
{
    public const int MaxYears = 30;
}

public sealed class GetProjectTimelineValidator : AbstractValidator<GetProjectTimelineQuery>
{
    public GetProjectTimelineValidator()
    {
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From)
            .WithMessage(_ => Lang.Pick("to 不能早于 from。", "to cannot be before from."));
        RuleFor(q => q.To).Must((q, to) => to.DayNumber - q.From.DayNumber <= GetProjectTimelineQuery.MaxYears * 366)
            .WithMessage(_ => Lang.Pick($"时间窗最长 {GetProjectTimelineQuery.MaxYears} 年。", $"The window is at most {GetProjectTimelineQuery.MaxYears} years."));
    }
}

/// <summary>
/// The zone's works between two days for a Gantt chart: each project's bar (actual dates where known, else planned,
/// each as wide as its precision allows), its milestones, and the dependencies to draw. Projects with no date at all
/// are listed apart, so nothing the zone works on is missing from the page.
/// </summary>
public sealed class GetProjectTimelineHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<GetProjectTimelineQuery, ProjectTimeline>
{
    public async Task<ProjectTimeline> Handle(GetProjectTimelineQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var parks = await ParkCodes.WithinAsync(connection, query.Park, cancellationToken);
        var book = await ProjectBook.LoadAsync(connection, null, null, ProjectDays.Judged(query.On, null, clock), cancellationToken);

        var items = new List<TimelineItem>();
        var undated = new List<TimelineItem>();
        var projects = book.Rows.Values.Where(r => parks is null || (r.Content.ParkCode is { } park && parks.Contains(park)))
            .Select(r => (Row: r, Bar: Bar(r.Content)))
            .OrderBy(p => p.Bar.Start ?? p.Bar.End ?? DateOnly.MaxValue).ThenBy(p => p.Row.Code, StringComparer.Ordinal);
        foreach (var (row, bar) in projects)
        {
            var c = row.Content;
            var node = new Node(row.Code, null);
            var item = new TimelineItem
            {
                Ref = node.ToRef(), Name = book.NameOf(node), ParkCode = c.ParkCode, Start = bar.Start, End = bar.End,
                Planned = c.PlannedCompletion, Actual = c.ActualCompletion, Status = book.StatusOf(row.Code), Schedule = book.Judged[node].Status,
                PercentComplete = book.PercentOf(row.Code), DependsOn = c.DependsOn,
            };
            var milestones = c.Milestones.Select(m => (m, Day: PartialDates.First(m.Actual) ?? PartialDates.Last(m.Planned)))
                .Where(m => m.Day is { } day && day >= query.From && day <= query.To)
                .Select(m => new TimelineItem
                {
                    Ref = new() { ProjectCode = row.Code, MilestoneCode = m.m.Code }, Name = book.NameOf(new Node(row.Code, m.m.Code)), ParkCode = c.ParkCode,
                    Start = m.Day, End = m.Day, Planned = m.m.Planned, Actual = m.m.Actual,
                    Schedule = book.Judged[new Node(row.Code, m.m.Code)].Status, DependsOn = m.m.DependsOn,
                }).ToList();
            if (bar.Start is null && bar.End is null && milestones.Count == 0 && c.Milestones.All(m => m.Planned is null && m.Actual is null))
            {
                undated.Add(item);
                continue;
            }
            var overlaps = (bar.Start ?? bar.End) <= query.To && (bar.End ?? bar.Start) >= query.From;
            if (overlaps || milestones.Count > 0)
            {
                items.Add(item);
                items.AddRange(milestones);
            }
        }
        return new ProjectTimeline { From = query.From, To = query.To, On = book.On, Items = items, Undated = undated };
    }

    /// <summary>From the actual start (else the planned one) to the actual completion (else the planned one), as wide as their precision.</summary>
    private static (DateOnly? Start, DateOnly? End) Bar(ProjectFields project) =>
        (PartialDates.First(project.ActualStart ?? project.PlannedStart), PartialDates.Last(project.ActualCompletion ?? project.PlannedCompletion));
}
