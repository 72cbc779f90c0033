using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Projects;
using MediatR;

namespace Gaoxin.Api.Features.Projects.ListProjects;

public sealed record ListProjectsQuery(string? Park, ProjectStatus? Status, ScheduleStatus? Schedule, string? Responsible, ProjectKind? Kind,
    DateOnly? DueFrom, DateOnly? DueTo, string? Text, DateOnly? On, DateTimeOffset? AsOf, string? Cursor, int Limit) : IQuery<ProjectPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListProjectsValidator : AbstractValidator<ListProjectsQuery>
{
    public ListProjectsValidator()
    {
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
        RuleFor(q => q.Responsible).MustBeCode().When(q => q.Responsible is not null);
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Schedule).IsInEnum();
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.DueTo).GreaterThanOrEqualTo(q => q.DueFrom).When(q => q.DueFrom is not null && q.DueTo is not null)
            .WithMessage(_ => Lang.Pick("dueTo 不能早于 dueFrom。", "dueTo cannot be before dueFrom."));
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>
/// Projects by code, judged for a day: in a park's subtree, with a status or schedule status, of a responsible unit
/// or kind, due within a window (by their due date, which may come from what depends on them), or whose names or
/// code contain the text. Status and schedule are judged, not stored, so the filter runs over the judged book.
/// </summary>
public sealed class ListProjectsHandler(ReadDatabase db, TimeProvider clock) : IRequestHandler<ListProjectsQuery, ProjectPage>
{
    public async Task<ProjectPage> Handle(ListProjectsQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var parks = await ParkCodes.WithinAsync(connection, query.Park, cancellationToken);
        var book = await ProjectBook.LoadAsync(connection, null, query.AsOf, ProjectDays.Judged(query.On, query.AsOf, clock), cancellationToken);
        var text = query.Text?.Trim();
        var codes = book.Rows.Values
            .Where(r => parks is null || (r.Content.ParkCode is { } park && parks.Contains(park)))
            .Where(r => query.Status is null || book.StatusOf(r.Code) == query.Status)
            .Where(r => query.Schedule is null || book.Judged[new Node(r.Code, null)].Status == query.Schedule)
            .Where(r => query.Responsible is null || r.Content.ResponsibleCode == query.Responsible)
            .Where(r => query.Kind is null || r.Content.Kind == query.Kind)
            .Where(r => query.DueFrom is null || book.Judged[new Node(r.Code, null)].DueBy >= query.DueFrom)
            .Where(r => query.DueTo is null || book.Judged[new Node(r.Code, null)].DueBy <= query.DueTo)
            .Where(r => string.IsNullOrEmpty(text) || r.Code.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.Content.Names.Zh.Contains(text, StringComparison.OrdinalIgnoreCase) || r.Content.Names.En.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Where(r => after is null || string.CompareOrdinal(r.Code, after) > 0)
            .Select(r => r.Code).Order(StringComparer.Ordinal).Take(query.Limit + 1).ToList();
        var (items, next) = Keyset.Page(codes, query.Limit, book.ToDto, code => CodeCursor.Encode(code));
        return new ProjectPage { Items = items, NextCursor = next };
    }
}
