using Dapper;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Contracts.Indicators;
using MediatR;

namespace Gaoxin.Api.Features.Indicators.UpdateIndicator;

/// <summary>Replaces an indicator's writable fields. The body is the indicator as read (an <see cref="IndicatorDto"/>) or just its fields.</summary>
public sealed record UpdateIndicatorCommand(string Code, IndicatorFields Body, IfMatch? IfMatch) : ICommand<IndicatorDto>;

public sealed class UpdateIndicatorValidator : AbstractValidator<UpdateIndicatorCommand>
{
    public UpdateIndicatorValidator() => RuleFor(c => c.Body).SetValidator(new IndicatorFieldsValidator());
}

/// <summary>
/// Stored values are in the indicator's unit and obey its rules, so an update may not pull the ground from under
/// them: no unit or value-kind change once observations exist, no removal of a member in use, no total rule that
/// existing figures break.
/// </summary>
public sealed class UpdateIndicatorHandler(DbSession session, ICaller caller) : IRequestHandler<UpdateIndicatorCommand, IndicatorDto>
{
    private const string CountObservations = "select count(*) from observations where indicator_id = @Id";

    private const string MembersInUse = """
        select distinct member from observations o, jsonb_object_keys(o.breakdown) as member
        where o.indicator_id = @Id order by member
        """;

    private const string BrokenTotals = """
        select exists (
            select 1 from observations o
            where o.indicator_id = @Id and o.breakdown <> '{}'
              and o.value <> (select sum(v::numeric) from jsonb_each_text(o.breakdown) as b (k, v)))
        """;

    private const string Sql = """
        update indicators set
            name_zh = @NameZh, name_en = @NameEn, description_zh = @DescriptionZh, description_en = @DescriptionEn,
            category = @Category, unit = @Unit, value_kind = @ValueKind, aggregation = @Aggregation,
            breakdown = @Breakdown::jsonb, total_equals_breakdown = @TotalEqualsBreakdown, planned_completion = @PlannedCompletion,
            version = version + 1, updated_at = now()
        where id = @Id
        """;

    public async Task<IndicatorDto> Handle(UpdateIndicatorCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var fields = command.Body;
        var current = await IndicatorWrites.FindAsync(session, command.Code, forUpdate: true, cancellationToken);
        command.IfMatch.Check(current.Version);
        ReadOnlyMembers.EnsureUnchanged(command.Body, current.ToDto);
        var observations = await session.ExecuteScalarAsync<long>(CountObservations, new { current.Id }, cancellationToken);
        if (observations > 0)
        {
            if (fields.Unit != current.Unit || fields.ValueKind != current.ValueKind)
            {
                throw IndicatorErrors.UnitLocked(command.Code);
            }
            var allowed = fields.Breakdown?.Members.Select(m => m.Code).ToHashSet() ?? [];
            var used = (await session.Connection.QueryAsync<string>(new CommandDefinition(MembersInUse, new { current.Id }, session.Transaction, cancellationToken: cancellationToken))).ToList();
            var orphaned = used.Where(member => !allowed.Contains(member)).ToList();
            if (orphaned.Count > 0)
            {
                throw IndicatorErrors.MemberInUse(command.Code, orphaned);
            }
            if (fields.TotalEqualsBreakdown && !current.TotalEqualsBreakdown &&
                await session.ExecuteScalarAsync<bool>(BrokenTotals, new { current.Id }, cancellationToken))
            {
                throw IndicatorErrors.RuleBrokenByExisting(command.Code);
            }
        }

        var parameters = new DynamicParameters(IndicatorWrites.Columns(fields));
        parameters.Add("Id", current.Id);
        await session.ExecuteAsync(Sql, parameters, cancellationToken);
        return (await IndicatorWrites.FindAsync(session, command.Code, forUpdate: false, cancellationToken)).ToDto();
    }
}
