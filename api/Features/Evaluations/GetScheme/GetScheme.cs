using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Evaluations;
using MediatR;

namespace Gaoxin.Api.Features.Evaluations.GetScheme;

/// <summary>A scheme's latest version, or the one asked for.</summary>
public sealed record GetSchemeQuery(string Code, int? Version) : IQuery<SchemeDto>;

public sealed class GetSchemeHandler(ReadDatabase db) : IRequestHandler<GetSchemeQuery, SchemeDto>
{
    public async Task<SchemeDto> Handle(GetSchemeQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return (await EvaluationReads.SchemeAsync(connection, query.Code, query.Version, null, cancellationToken)).ToDto();
    }
}
