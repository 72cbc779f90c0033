using System.Text;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Parks;
using MediatR;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

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
        RuleFor(q => q.Cursor)
            .Must(cursor => ParkCursor.TryDecode(cursor, out _))
            .When(q => q.Cursor is not null)
            .WithMessage(_ => Lang.Pick("游标无效：请使用上一页返回的 nextCursor。", "Invalid cursor: pass the nextCursor of the previous page."));
    }
}

/// <summary>Keyset paging by code: stable under inserts and deletes, and as fast on page 1,000 as on page 1.</summary>
public static class ParkCursor
{
    public static string Encode(string code) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes("p:" + code));

    public static bool TryDecode(string? cursor, out string? code)
    {
        code = null;
        if (cursor is null)
        {
            return true;
        }
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            if (!text.StartsWith("p:", StringComparison.Ordinal))
            {
                return false;
            }
            code = text[2..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

public sealed class ListParksHandler(NpgsqlDataSource db) : IRequestHandler<ListParksQuery, ParkPage>
{
    private const string Sql = ParkRow.Select + """

        where (@Kind::text is null or p.kind = @Kind)
          and (@Parent::text is null or parent.code = @Parent)
          and (@Pattern::text is null
               or p.code ilike @Pattern or p.name_zh ilike @Pattern or p.name_en ilike @Pattern
               or p.description_zh ilike @Pattern or p.description_en ilike @Pattern)
          and (@After::text is null or p.code > @After)
        order by p.code
        limit @Take
        """;

    public async Task<ParkPage> Handle(ListParksQuery query, CancellationToken cancellationToken)
    {
        ParkCursor.TryDecode(query.Cursor, out var after);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<ParkRow>(new CommandDefinition(Sql, new
        {
            Kind = query.Kind.ToDb(),
            query.Parent,
            Pattern = string.IsNullOrWhiteSpace(query.Q) ? null : "%" + EscapeLike(query.Q.Trim()) + "%",
            After = after,
            Take = query.Limit + 1, // one extra row tells whether another page exists
        }, cancellationToken: cancellationToken))).ToList();

        var page = rows.Take(query.Limit).Select(r => r.ToDto()).ToList();
        return new ParkPage
        {
            Items = page,
            NextCursor = rows.Count > query.Limit ? ParkCursor.Encode(page[^1].Code) : null,
        };
    }

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
