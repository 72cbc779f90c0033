using Gaoxin.Api.Infrastructure.Database;
using FluentValidation;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Evaluations;
using MediatR;

namespace Gaoxin.Api.Features.Evaluations.GetEvaluationResults;

public sealed record GetEvaluationResultsQuery(string Scheme, string Period, IReadOnlyList<string> Parks, DateTimeOffset? AsOf, int? Version) : IQuery<EvaluationResultDto>
{
    public const int MaxParks = 200;
}

public sealed class GetEvaluationResultsValidator : AbstractValidator<GetEvaluationResultsQuery>
{
    public GetEvaluationResultsValidator()
    {
        RuleFor(q => q.Scheme).NotEmpty().MustBeCode();
        RuleFor(q => q.Period).NotEmpty().MustBePeriod();
        RuleFor(q => q.Parks.Count).LessThanOrEqualTo(GetEvaluationResultsQuery.MaxParks).OverridePropertyName("parks");
        RuleForEach(q => q.Parks).MustBeCode().OverridePropertyName("parks");
    }
}

/// <summary>Every compared park's score under a scheme for a period, best first, node by node.</summary>
public sealed class GetEvaluationResultsHandler(ReadDatabase db) : IRequestHandler<GetEvaluationResultsQuery, EvaluationResultDto>
{
    public async Task<EvaluationResultDto> Handle(GetEvaluationResultsQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var scheme = await EvaluationReads.SchemeAsync(connection, query.Scheme, query.Version, query.AsOf, cancellationToken);
        var evaluation = await EvaluationReads.EvaluateAsync(connection, scheme, query.Period, query.Parks, query.AsOf, cancellationToken);
        return new EvaluationResultDto
        {
            SchemeCode = scheme.Code, SchemeVersion = scheme.Version, Period = evaluation.Period.Canonical, AsOf = query.AsOf,
            MissingInputs = evaluation.Fields.MissingInputs, Parks = evaluation.Parks,
        };
    }
}
