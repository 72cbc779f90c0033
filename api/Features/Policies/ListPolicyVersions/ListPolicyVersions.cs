using Gaoxin.Api.Infrastructure.Database;
using System.Globalization;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Paging;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.ListPolicyVersions;

public sealed record ListPolicyVersionsQuery(string Id, string? Cursor = null, int Limit = ListPolicyVersionsQuery.DefaultLimit) : IQuery<PolicyVersionPage>
{
    public const int DefaultLimit = 50;
}

public sealed class ListPolicyVersionsValidator : AbstractValidator<ListPolicyVersionsQuery>
{
    public ListPolicyVersionsValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => CodeCursor.TryDecode(cursor, out var version) && (version is null || int.TryParse(version, CultureInfo.InvariantCulture, out _)));
    }
}

/// <summary>A document's versions, oldest first, a page at a time (a document edited often has many).</summary>
public sealed class ListPolicyVersionsHandler(ReadDatabase db) : IRequestHandler<ListPolicyVersionsQuery, PolicyVersionPage>
{
    private const string Sql = VersionRow.Select + """

          and (@After::int is null or v.version > @After)
        order by v.version
        limit @Take
        """;

    public async Task<PolicyVersionPage> Handle(ListPolicyVersionsQuery query, CancellationToken cancellationToken)
    {
        CodeCursor.TryDecode(query.Cursor, out var afterText);
        int? after = afterText is null ? null : int.Parse(afterText, CultureInfo.InvariantCulture);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<VersionRow>(new CommandDefinition(Sql, new { query.Id, After = after, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0 && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from policies where code = @Id)", new { query.Id }, cancellationToken: cancellationToken)))
        {
            throw PolicyErrors.NotFound(query.Id);
        }
        var (items, next) = Keyset.Page(rows, query.Limit, r => r.ToDto(), r => CodeCursor.Encode(r.Version.ToString(CultureInfo.InvariantCulture)));
        return new PolicyVersionPage { Items = items, NextCursor = next };
    }
}
