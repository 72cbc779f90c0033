using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Webhooks;
using MediatR;

namespace Gaoxin.Api.Features.Webhooks.ListWebhookEventTypes;

public sealed record ListWebhookEventTypesQuery : IQuery<IReadOnlyList<WebhookEventTypeDto>>;

public sealed class ListWebhookEventTypesHandler : IRequestHandler<ListWebhookEventTypesQuery, IReadOnlyList<WebhookEventTypeDto>>
{
    public Task<IReadOnlyList<WebhookEventTypeDto>> Handle(ListWebhookEventTypesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<WebhookEventTypeDto>>(WebhookEventTypes.All
            .Select(t => new WebhookEventTypeDto { Type = t.Type, Title = Lang.Pick(t.Title), Private = t.Private }).ToList());
}
