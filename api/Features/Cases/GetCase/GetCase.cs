using Gaoxin.Api.Infrastructure.Database;
using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Contracts.Cases;
using MediatR;

namespace Gaoxin.Api.Features.Cases.GetCase;

/// <summary>A case with its working days counted for a day (default today).</summary>
public sealed record GetCaseQuery(string Code, DateOnly? On) : IQuery<CaseDto>;

public sealed class GetCaseValidator : AbstractValidator<GetCaseQuery>
{
    public GetCaseValidator() => RuleFor(q => q.On).MustBeRecordDay();
}

public sealed class GetCaseHandler(ReadDatabase db, ICaller caller, TimeProvider clock) : IRequestHandler<GetCaseQuery, CaseDto>
{
    public async Task<CaseDto> Handle(GetCaseQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(CaseRow.Select + "\nwhere c.code = @Code", new { query.Code }, cancellationToken: cancellationToken));
        if (row is null || !await caller.MaySeeParkAsync(connection, null, row.ParkId, cancellationToken))
        {
            throw CaseErrors.NotFound(query.Code);
        }
        return (await CaseContext.LoadAsync(connection, null, cancellationToken)).ToDto(row, query.On ?? clock.Today());
    }
}
