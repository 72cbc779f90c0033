using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using MediatR;

namespace Gaoxin.Api.Features.Indicators.ListIndicators;

public sealed record ListIndicatorsQuery(IndicatorCategory? Category, string? Q, string? Cursor, int Limit) : IQuery<IndicatorPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListIndicatorsValidator : AbstractValidator<ListIndicatorsQuery>
{
    public ListIndicatorsValidator()
    {
        RuleFor(q => q.Category).IsInEnum();
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
    }
}

public sealed class ListIndicatorsHandler(ReadDatabase db) : IRequestHandler<ListIndicatorsQuery, IndicatorPage>
{
    private static readonly string Sql = IndicatorRow.Select + """

        where (@Category::text is null or i.category = @Category)
        """ + CodeSearch.TextAndKeyset("i");

    public async Task<IndicatorPage> Handle(ListIndicatorsQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<IndicatorRow>(new CommandDefinition(Sql, new
        {
            Category = query.Category.ToDb(),
            Pattern = Like.Contains(query.Q),
            After = after,
            Take = query.Limit + 1,
        }, cancellationToken: cancellationToken))).ToList();

        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(), r => CodeCursor.Encode(r.Code));
        return new IndicatorPage { Items = items, NextCursor = next };
    }
}
