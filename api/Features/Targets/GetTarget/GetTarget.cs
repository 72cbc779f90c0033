using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Contracts.Targets;
using MediatR;

namespace Gaoxin.Api.Features.Targets.GetTarget;

/// <summary>One target by its code, as committed (a write answers with it after its commit, as figures do).</summary>
public sealed record GetTargetQuery(string Code) : IQuery<TargetDto>;

public sealed class GetTargetHandler(ReadDatabase db) : IRequestHandler<GetTargetQuery, TargetDto>
{
    private static readonly string Sql = TargetRow.Select(asOf: false) + "\nwhere t.code = @Code";

    public async Task<TargetDto> Handle(GetTargetQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<TargetRow>(new CommandDefinition(Sql,
            new { query.Code, Cutoff = DateTimeOffset.MaxValue, On = DateOnly.MaxValue }, cancellationToken: cancellationToken))
            ?? throw TargetErrors.NotFound(query.Code);
        return row.ToDto(row.Unit);
    }
}
