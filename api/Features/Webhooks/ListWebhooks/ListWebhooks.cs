using Gaoxin.Api.Infrastructure.Database;
using System.Globalization;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.ListWebhooks;

public sealed record ListWebhooksQuery(string? Cursor, int Limit) : IQuery<WebhookPage>
{
    public const int DefaultLimit = 50;

    public static bool TryDecode(string? cursor, out long afterId)
    {
        afterId = 0;
        return cursor is null || long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out afterId);
    }
}

public sealed class ListWebhooksValidator : AbstractValidator<ListWebhooksQuery>
{
    public ListWebhooksValidator()
    {
        RuleFor(q => q.Limit).MustBePageSize();
        RuleFor(q => q.Cursor).MustBeCursor(cursor => ListWebhooksQuery.TryDecode(cursor, out _));
    }
}

/// <summary>The subscriptions the caller manages, oldest first.</summary>
public sealed class ListWebhooksHandler(ReadDatabase db, ICaller caller, TimeProvider clock) : IRequestHandler<ListWebhooksQuery, WebhookPage>
{
    public async Task<WebhookPage> Handle(ListWebhooksQuery query, CancellationToken cancellationToken)
    {
        ListWebhooksQuery.TryDecode(query.Cursor, out var afterId);
        var parameters = new DynamicParameters(WebhookAccess.Parameters(caller));
        parameters.Add("AfterId", afterId);
        parameters.Add("Take", query.Limit + 1);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<WebhookRow>(new CommandDefinition(
            WebhookAccess.ScopeCte + $"select {WebhookRow.Columns} from {WebhookRow.From} where w.id > @AfterId and {WebhookAccess.Filter} order by w.id limit @Take",
            parameters, cancellationToken: cancellationToken))).ToList();
        var now = clock.GetUtcNow();
        var page = rows.Take(query.Limit).ToList();
        return new WebhookPage
        {
            Items = page.Select(r => r.ToDto(now)).ToList(),
            NextCursor = rows.Count > query.Limit ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
