using Dapper;
using FluentValidation;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Enterprises.ListEnterprises;

public sealed record ListEnterprisesQuery(string? Park, Industry? Industry, Qualification? Qualification, string? Text, string? Cursor, int Limit) : IQuery<EnterprisePage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListEnterprisesValidator : AbstractValidator<ListEnterprisesQuery>
{
    public ListEnterprisesValidator()
    {
        RuleFor(q => q.Park).MustBeCode().When(q => q.Park is not null);
        RuleFor(q => q.Industry).IsInEnum();
        RuleFor(q => q.Qualification).IsInEnum();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>
/// The enterprises the key may see, by code: in a park's subtree, in an industry, holding a qualification today, and
/// whose name (either language), code or credit code contains the text.
/// </summary>
public sealed class ListEnterprisesHandler(ReadDatabase db, ICaller caller, TimeProvider clock) : IRequestHandler<ListEnterprisesQuery, EnterprisePage>
{
    private static readonly string Sql = EnterpriseAccess.ScopeCte + ", " + ParkTree.Within("@ParkId").Replace("with recursive ", "", StringComparison.Ordinal) + """
        select * from (
        """ + EnterpriseRow.Current + """

            where (@ParkId::bigint is null or e.park_id in (select id from within))
              and (@Industry::text is null or @Industry = any(e.industries))
              and (@Qualification::text is null or (@Qualification = any(e.qualifications) and exists (
                    select 1 from jsonb_array_elements(e.content -> 'qualifications') q
                    where q ->> 'kind' = @Qualification
                      and (q ->> 'from' is null or (q ->> 'from')::date <= @Today)
                      and (q ->> 'until' is null or (q ->> 'until')::date > @Today))))
              and (@Pattern::text is null or e.name_zh ilike @Pattern or e.name_en ilike @Pattern or e.code ilike @Pattern or e.credit_code ilike @Pattern)
              and (@After::text is null or e.code > @After)
        """ + "\n      and " + EnterpriseAccess.Filter("e.park_id") + """

            order by e.code
            limit @Take
        ) page
        """;

    public async Task<EnterprisePage> Handle(ListEnterprisesQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        long? parkId = null;
        if (query.Park is { } park)
        {
            parkId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("select id from parks where code = @park", new { park }, cancellationToken: cancellationToken))
                ?? throw ParkErrors.NotFound(park);
        }
        var rows = (await connection.QueryAsync<EnterpriseRow>(new CommandDefinition(Sql, new
        {
            ScopeParkId = caller.ParkScopeId,
            ParkId = parkId,
            Industry = query.Industry.ToDb(),
            Qualification = query.Qualification.ToDb(),
            Today = clock.Today(),
            Pattern = Like.Contains(query.Text),
            After = after,
            Take = query.Limit + 1,
        }, cancellationToken: cancellationToken))).ToList();
        var parks = await ParkNames.LoadAsync(connection, null, cancellationToken);
        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(parks), r => CodeCursor.Encode(r.Code));
        return new EnterprisePage { Items = items, NextCursor = next };
    }
}
