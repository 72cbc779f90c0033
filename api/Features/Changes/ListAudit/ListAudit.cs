using Gaoxin.Api.Infrastructure.Database;
using System.Globalization;
using System.Text.Json;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Changes;
using MediatR;

namespace Gaoxin.Api.Features.Changes.ListAudit;

public sealed record ListAuditQuery(string? ResourceType, string? Key, string? Actor, string? Cursor, int Limit) : IQuery<AuditPage>;

public sealed class ListAuditValidator : AbstractValidator<ListAuditQuery>
{
    public ListAuditValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.ResourceType).MaximumLength(32);
        RuleFor(q => q.Key).MaximumLength(200);
        RuleFor(q => q.Actor).MaximumLength(64);
        RuleFor(q => q.Cursor).MustBeCursor(cursor => cursor is null || long.TryParse(cursor, CultureInfo.InvariantCulture, out _));
    }
}

public sealed class ListAuditHandler(ReadDatabase db) : IRequestHandler<ListAuditQuery, AuditPage>
{
    private const string Sql = """
        select id, actor, action, resource_type, resource_key, before::text as before_json, after::text as after_json, at
        from audit_log
        where (@ResourceType::text is null or resource_type = @ResourceType)
          and (@Key::text is null or resource_key = @Key)
          and (@Actor::text is null or actor = @Actor)
          and (@Before::bigint is null or id < @Before)
        order by id desc
        limit @Take
        """;

    private sealed class Row
    {
        public long Id { get; init; }
        public string Actor { get; init; } = "";
        public ChangeAction Action { get; init; }
        public string ResourceType { get; init; } = "";
        public string ResourceKey { get; init; } = "";
        public string? BeforeJson { get; init; }
        public string? AfterJson { get; init; }
        public DateTime At { get; init; }
    }

    public async Task<AuditPage> Handle(ListAuditQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        long? before = query.Cursor is null ? null : long.Parse(query.Cursor, CultureInfo.InvariantCulture);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(Sql,
            new { query.ResourceType, query.Key, query.Actor, Before = before, Take = query.Limit + 1 }, cancellationToken: cancellationToken))).ToList();
        static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();
        var page = rows.Take(query.Limit).Select(r => new AuditEntryDto
        {
            Id = r.Id, Actor = r.Actor, Action = r.Action, ResourceType = r.ResourceType, Key = r.ResourceKey,
            Before = Json(r.BeforeJson), After = Json(r.AfterJson), At = new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)),
        }).ToList();
        return new AuditPage { Items = page, NextCursor = rows.Count > query.Limit ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null };
    }
}
