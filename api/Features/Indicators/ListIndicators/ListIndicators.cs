using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using MediatR;
using Npgsql;

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

public sealed class ListIndicatorsHandler(NpgsqlDataSource db) : IRequestHandler<ListIndicatorsQuery, IndicatorPage>
{
    private const string Sql = IndicatorRow.Select + """

        where (@Category::text is null or i.category = @Category)
          and (@Pattern::text is null
               or i.code ilike @Pattern or i.name_zh ilike @Pattern or i.name_en ilike @Pattern
               or i.description_zh ilike @Pattern or i.description_en ilike @Pattern)
          and (@After::text is null or i.code > @After)
        order by i.code
        limit @Take
        """;

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
