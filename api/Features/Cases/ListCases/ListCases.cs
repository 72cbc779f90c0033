using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Features.Policies;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Cases;
using MediatR;

namespace Gaoxin.Api.Features.Cases.ListCases;

public sealed record ListCasesQuery(bool? Overdue, string? Department, CaseState? State, string? Park, DateOnly? On, string? Cursor, int Limit) : IQuery<CasePage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListCasesValidator : AbstractValidator<ListCasesQuery>
{
    public ListCasesValidator()
    {
        RuleFor(q => q.Department).MustBeCode().When(q => q.Department is not null);
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.On).MustBeRecordDay();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>
/// The cases the key may see, overdue first, then by code: at a department (with <c>overdue</c>, overdue at that
/// department), in a state, in a park's subtree. Whether a case is overdue depends on the day and the calendar, so it
/// is judged here for each candidate the SQL filters leave.
/// </summary>
public sealed class ListCasesHandler(ReadDatabase db, ICaller caller, TimeProvider clock) : IRequestHandler<ListCasesQuery, CasePage>
{
    private static readonly string Sql = ParkTree.Within("@ScopeParkId", "scope") + ", " + ParkTree.Within("@ParkId").Replace("with recursive ", "", StringComparison.Ordinal) + CaseRow.Select + """

        where (@ScopeParkId::bigint is null or c.park_id in (select id from scope))
          and (@ParkId::bigint is null or c.park_id in (select id from within))
          and (@Department::text is null or @Department = any(c.departments))
          and (@State::text is null or c.state = @State)
        """;

    public async Task<CasePage> Handle(ListCasesQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        long? parkId = null;
        if (query.Park is { } park)
        {
            parkId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from parks where code = @park", new { park }, cancellationToken: cancellationToken))
                ?? throw ParkErrors.NotFound(park);
        }
        if (query.Department is { } department
            && await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from organisations where code = @department", new { department }, cancellationToken: cancellationToken)) is null)
        {
            throw PolicyErrors.OrganisationNotFound(department);
        }
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(Sql, new
        {
            ScopeParkId = caller.ParkScopeId, ParkId = parkId, query.Department, State = query.State.ToDb(),
        }, cancellationToken: cancellationToken));

        var on = query.On ?? clock.Today();
        var context = await CaseContext.LoadAsync(connection, null, cancellationToken);
        var judged = rows.Select(r => (Row: r, Timing: context.Timing(r, on)))
            .Select(c => (c.Row, Overdue: query.Department is { } d && query.Overdue == true
                ? c.Timing.Steps.Any(s => s.Overdue && s.DepartmentCode == d)
                : c.Timing.Overdue))
            .Where(c => query.Overdue is null || c.Overdue == query.Overdue)
            .Select(c => (c.Row, Key: (c.Overdue ? "0" : "1") + "\u001f" + c.Row.Code))
            .Where(c => after is null || string.CompareOrdinal(c.Key, after) > 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Take(query.Limit + 1).ToList();
        var (items, next) = Keyset.Page(judged, query.Limit, c => context.ToDto(c.Row, on), c => CodeCursor.Encode(c.Key));
        return new CasePage { Items = items, NextCursor = next };
    }
}
