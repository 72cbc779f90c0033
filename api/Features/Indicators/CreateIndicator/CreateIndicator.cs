using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Indicators;
using MediatR;

namespace Gaoxin.Api.Features.Indicators.CreateIndicator;

public sealed record CreateIndicatorCommand(CreateIndicatorRequest Body) : ICommand<IndicatorDto>;

public sealed class CreateIndicatorValidator : AbstractValidator<CreateIndicatorCommand>
{
    public CreateIndicatorValidator()
    {
        RuleFor(c => c.Body.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new IndicatorFieldsValidator());
    }
}

public sealed class CreateIndicatorHandler(DbSession session, ICaller caller) : IRequestHandler<CreateIndicatorCommand, IndicatorDto>
{
    private const string Sql = """
        insert into indicators (code, name_zh, name_en, description_zh, description_en, category, unit, value_kind,
                                aggregation, breakdown, total_equals_breakdown, planned_completion)
        values (@Code, @NameZh, @NameEn, @DescriptionZh, @DescriptionEn, @Category, @Unit, @ValueKind,
                @Aggregation, @Breakdown::jsonb, @TotalEqualsBreakdown, @PlannedCompletion)
        on conflict (code) do nothing
        """;

    public async Task<IndicatorDto> Handle(CreateIndicatorCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var parameters = new DynamicParameters(IndicatorWrites.Columns(command.Body));
        parameters.Add("Code", command.Body.Code);
        if (await session.ExecuteAsync(Sql, parameters, cancellationToken) == 0)
        {
            throw IndicatorErrors.CodeTaken(command.Body.Code);
        }
        return (await IndicatorWrites.FindAsync(session, command.Body.Code, forUpdate: false, cancellationToken)).ToDto();
    }
}
