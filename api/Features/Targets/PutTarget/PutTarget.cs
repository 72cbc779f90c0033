using FluentValidation;
using FluentValidation.Results;
using Gaoxin.Api.Features.Observations;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Targets;
using MediatR;

namespace Gaoxin.Api.Features.Targets.PutTarget;

/// <summary>
/// Creates or replaces the target of (indicator, park, period, member). <paramref name="IfMatch"/> is required when it
/// exists; <paramref name="CreateOnly"/> (If-None-Match: *) refuses to touch an existing one. The body is a
/// <see cref="TargetFields"/> or a target as read.
/// </summary>
public sealed record PutTargetCommand(TargetFields Body, IfMatch? IfMatch = null, bool CreateOnly = false) : ICommand<PutTargetResult>;

/// <summary>
/// Which target was written, whether it is new and whether anything changed (an import counts rows by it); the
/// endpoint reads it back once committed.
/// </summary>
public sealed record PutTargetResult(string Code, bool Created, bool Changed);

public sealed class PutTargetValidator : AbstractValidator<PutTargetCommand>
{
    public PutTargetValidator()
    {
        RuleFor(c => c.Body.IndicatorCode).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.ParkCode).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.Period).NotEmpty().MustBePeriod();
        RuleFor(c => c.Body.Member).NotEmpty().MaximumLength(64).When(c => c.Body.Member is not null);
        RuleFor(c => c.Body.Direction).IsInEnum();
        RuleFor(c => c.Body.SourceCode).MustBeCode().When(c => c.Body.SourceCode is not null);
        RuleFor(c => c.Body.Note).Must(note => ObservationRules.CheckNote(note) is null)
            .WithMessage(c => Lang.Pick(ObservationRules.CheckNote(c.Body.Note)!.Message));
        RuleFor(c => c.Body.DueOn)
            .Must((c, due) => !Period.TryParse(c.Body.Period, out var period) || due >= period.Start)
            .WithMessage(_ => Lang.Pick("截止日期不能早于期间的第一天。", "The due date cannot be before the period's first day."));
        RuleFor(c => c.Body.Baseline!.On)
            .LessThanOrEqualTo(c => c.Body.DueOn).When(c => c.Body.Baseline is not null).OverridePropertyName("baseline.on")
            .WithMessage(_ => Lang.Pick("基线日期不能晚于截止日期。", "The baseline's day cannot be after the due date."));
    }
}

public sealed class PutTargetHandler(DbSession session, TimeProvider clock, ICaller caller, IMediator mediator) : IRequestHandler<PutTargetCommand, PutTargetResult>
{
    private const string Insert = """
        insert into targets (code, indicator_id, park_id, period, period_start, period_end, member, direction, value, due_on,
                             baseline_value, baseline_on, source_id, note, illustrative, recorded_at, recorded_by)
        values (@Code, @IndicatorId, @ParkId, @Period, @PeriodStart, @PeriodEnd, @Member, @Direction, @Value, @DueOn,
                @BaselineValue, @BaselineOn, @SourceId, @Note, @Illustrative, @RecordedAt, @RecordedBy)
        on conflict (code) do nothing
        returning version
        """;

    private const string Update = """
        update targets set direction = @Direction, value = @Value, due_on = @DueOn, baseline_value = @BaselineValue,
               baseline_on = @BaselineOn, source_id = @SourceId, note = @Note, illustrative = @Illustrative,
               version = version + 1, recorded_at = @RecordedAt, recorded_by = @RecordedBy
        where code = @Code
        """;

    private const string FindForUpdate = """
        select version, direction, value, due_on, baseline_value, baseline_on, source_id, note, illustrative
        from targets where code = @Code for update
        """;

    private sealed record Stored(int Version, string Direction, decimal Value, DateOnly DueOn, decimal? BaselineValue, DateOnly? BaselineOn,
        long? SourceId, string? Note, bool Illustrative);

    public async Task<PutTargetResult> Handle(PutTargetCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        var key = await TargetWrites.ResolveAsync(session, caller, body.IndicatorCode, body.ParkCode, body.Period, body.Member, cancellationToken);
        CheckValues(key, body);
        long? sourceId = null;
        if (body.SourceCode is { } sourceCode)
        {
            sourceId = await session.ExecuteScalarAsync<long?>("select id from sources where code = @sourceCode", new { sourceCode }, cancellationToken)
                ?? throw ParkErrors.SourceNotFound(sourceCode);
        }

        var values = new
        {
            key.Code, IndicatorId = key.Indicator.Id, key.ParkId, Period = key.Period.Canonical, PeriodStart = key.Period.Start,
            PeriodEnd = key.Period.End, body.Member, Direction = body.Direction.ToDb(), body.Value, body.DueOn,
            BaselineValue = body.Baseline?.Value, BaselineOn = body.Baseline?.On, SourceId = sourceId,
            Note = ObservationRules.NormaliseNote(body.Note), body.Illustrative, RecordedAt = clock.GetUtcNow(), RecordedBy = caller.DisplayName,
        };
        var stored = await session.QuerySingleOrDefaultAsync<Stored>(FindForUpdate, new { key.Code }, cancellationToken);
        if (stored is null)
        {
            if (command.IfMatch is { Any: false })
            {
                command.IfMatch.Check(0); // names a version of a target that does not exist: stale
            }
            if (await session.ExecuteScalarAsync<int?>(Insert, values, cancellationToken) is not null)
            {
                await session.ExecuteAsync(TargetWrites.InsertRevision, new { key.Code, Action = "created", Note = (string?)null, values.RecordedAt, values.RecordedBy }, cancellationToken);
                return new PutTargetResult(key.Code, Created: true, Changed: true);
            }
            // Lost a race with a concurrent insert of the same key: that writer won, as with a stale If-Match.
            stored = await session.QuerySingleAsync<Stored>(FindForUpdate, new { key.Code }, cancellationToken);
        }

        if (command.CreateOnly)
        {
            throw new ApiException(Problems.PreconditionFailed, new("该目标已存在（If-None-Match: *）。", "The target exists already (If-None-Match: *)."),
                new Dictionary<string, object?> { ["currentETag"] = ETags.Of(stored.Version) });
        }
        command.IfMatch.Check(stored.Version);
        await ReadOnlyMembers.EnsureUnchangedAsync(body, async () => await mediator.Send(new GetTarget.GetTargetQuery(key.Code), cancellationToken));
        var now = new Stored(stored.Version, values.Direction, values.Value, values.DueOn, values.BaselineValue, values.BaselineOn, sourceId, values.Note, values.Illustrative);
        if (Unchanged(stored, now))
        {
            return new PutTargetResult(key.Code, Created: false, Changed: false);
        }
        await session.ExecuteAsync(Update, values, cancellationToken);
        await session.ExecuteAsync(TargetWrites.InsertRevision, new { key.Code, Action = "updated", Note = (string?)null, values.RecordedAt, values.RecordedBy }, cancellationToken);
        return new PutTargetResult(key.Code, Created: false, Changed: true);
    }

    /// <summary>Numbers compare by value (40 and 40.000 are the same target), the rest as stored.</summary>
    private static bool Unchanged(Stored a, Stored b) =>
        a.Direction == b.Direction && a.Value == b.Value && a.DueOn == b.DueOn && a.BaselineValue == b.BaselineValue &&
        a.BaselineOn == b.BaselineOn && a.SourceId == b.SourceId && a.Note == b.Note && a.Illustrative == b.Illustrative;

    /// <summary>The member must be one of the indicator's, and the values fit its kind (a count is whole, a percent 0–100): the figures' own rules.</summary>
    private static void CheckValues(TargetWrites.Key key, TargetFields body)
    {
        var failures = new List<ValidationFailure>();
        if (body.Member is { } member)
        {
            var members = key.Indicator.Breakdown?.Members.Select(m => m.Code).ToList() ?? [];
            if (ObservationRules.CheckMember(key.Indicator.Code, members, member) is { } breach)
            {
                failures.Add(new ValidationFailure("member", Lang.Pick(breach.Message)));
            }
        }
        if (ObservationRules.CheckValue(key.Indicator.ValueKind, body.Value) is { } valueBreach)
        {
            failures.Add(new ValidationFailure("value", Lang.Pick(valueBreach.Message)));
        }
        if (body.Baseline is { } baseline && ObservationRules.CheckValue(key.Indicator.ValueKind, baseline.Value) is { } baselineBreach)
        {
            failures.Add(new ValidationFailure("baseline.value", Lang.Pick(baselineBreach.Message)));
        }
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
