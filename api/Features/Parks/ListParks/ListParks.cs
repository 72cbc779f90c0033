using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Parks;
using MediatR;

namespace Gaoxin.Api.Features.Parks.ListParks;

public sealed record ListParksQuery(ParkKind? Kind, string? Parent, string? Q, string? Cursor, int Limit) : IQuery<ParkPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListParksValidator : AbstractValidator<ListParksQuery>
{
    public ListParksValidator()
    {
        RuleFor(q => q.Kind).IsInEnum();
        RuleFor(q => q.Parent).MustBeCode().When(q => q.Parent is not null);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
    }
}

public sealed class ListParksHandler(ReadDatabase db) : IRequestHandler<ListParksQuery, ParkPage>
{
    private static readonly string Sql = ParkRow.Select + """

        where (@Kind::text is null or p.kind = @Kind)
          and (@Parent::text is null or parent.code = @Parent)
        """ + CodeSearch.TextAndKeyset("p");

    public async Task<ParkPage> Handle(ListParksQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ParkRow>(new CommandDefinition(Sql, new
        {
            Kind = query.Kind.ToDb(),
            query.Parent,
            Pattern = Like.Contains(query.Q),
            After = after,
            Take = query.Limit + 1, // one extra row tells whether another page exists
        }, cancellationToken: cancellationToken))).ToList();

        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(), r => CodeCursor.Encode(r.Code));
        return new ParkPage { Items = items, NextCursor = next };
    }
}
