using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.ApiKeys;
using MediatR;

namespace Gaoxin.Api.Features.ApiKeys.ListApiKeys;

public sealed record ListApiKeysQuery(string? Cursor = null, int Limit = ListApiKeysQuery.DefaultLimit) : IQuery<ApiKeyPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListApiKeysValidator : AbstractValidator<ListApiKeysQuery>
{
    public ListApiKeysValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out _));
    }
}

/// <summary>The keys the caller manages: all of them, or for a park-limited key those within its park subtree.</summary>
public sealed class ListApiKeysHandler(ReadDatabase db, ICaller caller) : IRequestHandler<ListApiKeysQuery, ApiKeyPage>
{
    private static readonly string Sql = ApiKeyRow.SelectManaged + """
          and (@After::text is null or k.name > @After)
        order by k.name
        limit @Take
        """;

    public async Task<ApiKeyPage> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ApiKeyRow>(new CommandDefinition(Sql,
            new { ScopeId = caller.ParkScopeId, After = after, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(), r => CodeCursor.Encode(r.Name));
        return new ApiKeyPage { Items = items, NextCursor = next };
    }
}
