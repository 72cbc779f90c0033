using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Enterprises;
using MediatR;

namespace Gaoxin.Api.Features.Enterprises.GetEnterprise;

/// <summary>An enterprise now, or as recorded at a moment.</summary>
public sealed record GetEnterpriseQuery(string Code, DateTimeOffset? AsOf) : IQuery<EnterpriseDto>;

public sealed class GetEnterpriseHandler(ReadDatabase db, ICaller caller) : IRequestHandler<GetEnterpriseQuery, EnterpriseDto>
{
    private const string Current = EnterpriseRow.Current + "\nwhere e.code = @Code";

    public async Task<EnterpriseDto> Handle(GetEnterpriseQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<EnterpriseRow>(new CommandDefinition(query.AsOf is null ? Current : EnterpriseRow.AsOf,
            new { query.Code, AsOf = query.AsOf?.ToUniversalTime() }, cancellationToken: cancellationToken));
        if (row?.ContentJson is null || !await EnterpriseAccess.MaySeeAsync(connection, null, caller, row.ParkId, cancellationToken))
        {
            throw EnterpriseErrors.NotFound(query.Code);
        }
        return row.ToDto(await ParkNames.LoadAsync(connection, null, cancellationToken));
    }
}
