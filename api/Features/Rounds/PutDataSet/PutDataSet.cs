using FluentValidation;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Rounds;
using MediatR;

namespace Gaoxin.Api.Features.Rounds.PutDataSet;

/// <summary>Creates or replaces a data set; If-Match is required when it exists, If-None-Match: * refuses to replace.</summary>
public sealed record PutDataSetCommand(string Code, DataSetFields Body, IfMatch? IfMatch, bool CreateOnly) : ICommand<bool>;

public sealed class PutDataSetValidator : AbstractValidator<PutDataSetCommand>
{
    public PutDataSetValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MustBeCode();
        RuleFor(c => c.Body).SetValidator(new DataSetFieldsValidator());
    }
}

/// <summary>
/// Data sets belong to the whole zone, like indicators: a key limited to some parks cannot define them. Everything the
/// set names is checked before anything is written (<see cref="DataSetDefinition"/>); the set's indicators and parks
/// are kept beside it for the locks to join on. Returns whether it was created.
/// </summary>
public sealed class PutDataSetHandler(DbSession session, ICaller caller, TimeProvider clock, IMediator mediator) : IRequestHandler<PutDataSetCommand, bool>
{
    private const string Upsert = """
        insert into data_sets (code, period_type, valid_from, due_after_days, closes_after_days, include_sub_parks, content, illustrative, recorded_at, recorded_by)
        values (@Code, @PeriodType, @ValidFrom, @DueAfterDays, @ClosesAfterDays, @IncludeSubParks, @Content::jsonb, @Illustrative, @Now, @By)
        on conflict (code) do update
        set period_type = excluded.period_type, valid_from = excluded.valid_from, due_after_days = excluded.due_after_days,
            closes_after_days = excluded.closes_after_days, include_sub_parks = excluded.include_sub_parks, content = excluded.content,
            illustrative = excluded.illustrative, version = data_sets.version + 1, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by
        returning id
        """;

    private const string Members = """
        delete from data_set_indicators where data_set_id = @Id;
        delete from data_set_parks where data_set_id = @Id;
        insert into data_set_indicators (data_set_id, indicator_id) select @Id, unnest(@IndicatorIds);
        insert into data_set_parks (data_set_id, park_id) select @Id, unnest(@ParkIds);
        """;

    public async Task<bool> Handle(PutDataSetCommand command, CancellationToken cancellationToken)
    {
        caller.EnsureUnrestricted();
        var stored = await session.QuerySingleOrDefaultAsync<(int Version, string Content)?>(
            "select version, content::text from data_sets where code = @Code for update", new { command.Code }, cancellationToken);
        if (stored is { } existing)
        {
            if (command.CreateOnly)
            {
                throw new ApiException(Problems.PreconditionFailed, new("该数据集已存在（If-None-Match: *）。", "The data set exists already (If-None-Match: *)."),
                    new Dictionary<string, object?> { ["currentETag"] = ETags.Of(existing.Version) });
            }
            command.IfMatch.Check(existing.Version);
            await ReadOnlyMembers.EnsureUnchangedAsync(command.Body, async () => await mediator.Send(new GetDataSet.GetDataSetQuery(command.Code), cancellationToken));
        }
        else if (command.IfMatch is { Any: false })
        {
            command.IfMatch.Check(0); // names a version of a set that does not exist: stale
        }

        var fields = StoredDataSet.Normalise(command.Body);
        var content = StoredDataSet.ToJson(fields);
        if (stored is { } same && StoredDataSet.ToJson(StoredDataSet.FromJson(same.Content)) == content)
        {
            return false;
        }
        var resolved = await DataSetDefinition.CheckAsync(session, fields, cancellationToken);
        var id = await session.QuerySingleAsync<long>(Upsert, new
        {
            command.Code, PeriodType = fields.PeriodType.ToDb(), ValidFrom = ReportingPeriods.Parse(fields.ValidFrom, fields.PeriodType)!.Start,
            fields.DueAfterDays, fields.ClosesAfterDays, fields.IncludeSubParks, Content = content, fields.Illustrative,
            Now = clock.GetUtcNow(), By = caller.DisplayName,
        }, cancellationToken);
        await session.ExecuteAsync(Members, new { Id = id, IndicatorIds = resolved.IndicatorIds.ToArray(), ParkIds = resolved.ParkIds.ToArray() }, cancellationToken);
        return stored is null;
    }
}
