using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Policies.ListOrganisations;

public sealed record ListOrganisationsQuery : IQuery<IReadOnlyList<OrganisationDto>>;

/// <summary>The issuers, for filter lists; there are tens of them, so no paging.</summary>
public sealed class ListOrganisationsHandler(ReadDatabase db) : IRequestHandler<ListOrganisationsQuery, IReadOnlyList<OrganisationDto>>
{
    public async Task<IReadOnlyList<OrganisationDto>> Handle(ListOrganisationsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select code, name_zh, name_en from organisations order by code", cancellationToken: cancellationToken));
        return rows.Select(r => new OrganisationDto { Code = r.Code, Name = Lang.Pick(r.NameZh, r.NameEn), Names = new LocalizedText { Zh = r.NameZh, En = r.NameEn } }).ToList();
    }
}
