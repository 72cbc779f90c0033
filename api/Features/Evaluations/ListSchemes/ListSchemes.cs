using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Evaluations;
using MediatR;

namespace Gaoxin.Api.Features.Evaluations.ListSchemes;

public sealed record ListSchemesQuery(string? Cursor, int Limit) : IQuery<SchemePage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListSchemesValidator : AbstractValidator<ListSchemesQuery>
{
    public ListSchemesValidator()
    {
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
        RuleFor(q => q.Limit).MustBePageSize();
    }
}

/// <summary>The schemes by code, each as its latest version.</summary>
public sealed class ListSchemesHandler(ReadDatabase db) : IRequestHandler<ListSchemesQuery, SchemePage>
{
    private const string Sql = SchemeVersionRow.Select + """

        where v.version = s.version and (@After::text is null or s.code > @After)
        order by s.code
        limit @Take
        """;

    public async Task<SchemePage> Handle(ListSchemesQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<SchemeVersionRow>(new CommandDefinition(Sql, new { After = after, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(), r => CodeCursor.Encode(r.Code));
        return new SchemePage { Items = items, NextCursor = next };
    }
}
