using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Parks;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Mediation;
using Gaoxin.Api.Infrastructure.Security;
using Gaoxin.Api.Infrastructure.Time;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Observations;
using MediatR;

namespace Gaoxin.Api.Features.Observations.PutObservation;

/// <summary>
/// <paramref name="IfMatch"/> is required when the figure exists (a correction must say which version it corrects);
/// <paramref name="CreateOnly"/> (If-None-Match: *) refuses to touch an existing one.
/// </summary>
public sealed record PutObservationCommand(PutObservationRequest Body, IfMatch? IfMatch = null, bool CreateOnly = false) : ICommand<PutObservationResult>;

/// <summary>Which figure was written (its canonical period) and whether it is new; the endpoint reads it back once committed.</summary>
public sealed record PutObservationResult(string IndicatorCode, string ParkCode, string Period, bool Created);

public sealed class PutObservationValidator : AbstractValidator<PutObservationCommand>
{
    public PutObservationValidator()
    {
        RuleFor(c => c.Body.IndicatorCode).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.ParkCode).NotEmpty().MustBeCode();
        RuleFor(c => c.Body.Period).NotEmpty().MustBePeriod();
        RuleFor(c => c.Body.SourceCode).MustBeCode().When(c => c.Body.SourceCode is not null);
        RuleFor(c => c.Body.Note).Must(note => ObservationRules.CheckNote(note) is null)
            .WithMessage(c => Lang.Pick(ObservationRules.CheckNote(c.Body.Note)!.Message));
        RuleFor(c => c.Body.Value)
            .NotNull().When(c => c.Body.Breakdown is null || c.Body.Breakdown.Count == 0)
            .WithMessage(_ => Lang.Pick("请提供总数（value）或分项（breakdown）。", "Send the total (value), the breakdown, or both."));
        RuleFor(c => c.Body.Breakdown).MustHaveAtMost(20);
        RuleFor(c => c.Body.Breakdown)
            .Must(parts => parts!.Select(p => p.Member).Distinct().Count() == parts!.Count)
            .When(c => c.Body.Breakdown is not null)
            .WithMessage(_ => Lang.Pick("每个分项只能出现一次。", "Each member may appear only once."));
        RuleForEach(c => c.Body.Breakdown).ChildRules(part => part.RuleFor(p => p.Member).NotEmpty().MaximumLength(64));
    }
}

/// <summary>
/// Creates or replaces the figure of (indicator, park, period). Everything the indicator demands is checked before
/// anything is written; every accepted change appends a revision in the same transaction, so history and current
/// state cannot disagree.
/// </summary>
public sealed class PutObservationHandler(DbSession session, TimeProvider clock, ICaller caller) : IRequestHandler<PutObservationCommand, PutObservationResult>
{
    private const string FindForUpdate = """
        select id, value, breakdown::text as breakdown_json, as_of, source_id, note, version
        from observations where indicator_id = @IndicatorId and park_id = @ParkId and period_start = @PeriodStart and period = @Period
        for update
        """;

    private const string Insert = """
        insert into observations (indicator_id, park_id, period, period_start, period_end, value, breakdown, as_of, source_id, note, version, recorded_at, recorded_by)
        values (@IndicatorId, @ParkId, @Period, @PeriodStart, @PeriodEnd, @Value, @Breakdown::jsonb, @AsOf, @SourceId, @Note, 1, @RecordedAt, @RecordedBy)
        on conflict (indicator_id, park_id, period_start, period) do nothing
        returning version
        """;

    private const string Update = """
        update observations set value = @Value, breakdown = @Breakdown::jsonb, as_of = @AsOf, source_id = @SourceId, note = @Note,
               version = @Version, recorded_at = @RecordedAt, recorded_by = @RecordedBy
        where id = @Id
        """;

    private sealed class Existing
    {
        public long Id { get; init; }
        public decimal Value { get; init; }
        public string BreakdownJson { get; init; } = "{}";
        public DateOnly AsOf { get; init; }
        public long? SourceId { get; init; }
        public string? Note { get; init; }
        public int Version { get; init; }
    }

    public async Task<PutObservationResult> Handle(PutObservationCommand command, CancellationToken cancellationToken)
    {
        var body = command.Body;
        Period.TryParse(body.Period, out var period);
        var indicator = await IndicatorWrites.FindForFigureAsync(session, body.IndicatorCode, cancellationToken);
        var parkId = await session.ExecuteScalarAsync<long?>("select id from parks where code = @ParkCode", new { body.ParkCode }, cancellationToken)
            ?? throw ParkErrors.NotFound(body.ParkCode);
        await caller.EnsureWithinAsync(session, parkId, body.ParkCode, cancellationToken);
        long? sourceId = null;
        if (body.SourceCode is { } sourceCode)
        {
            sourceId = await session.ExecuteScalarAsync<long?>("select id from sources where code = @sourceCode", new { sourceCode }, cancellationToken)
                ?? throw ParkErrors.SourceNotFound(sourceCode);
        }

        var parts = CheckValues(indicator, body);
        var sum = parts.Values.Sum();
        if (ObservationRules.BreaksTotal(indicator.TotalEqualsBreakdown, body.Value, parts.Count, sum))
        {
            throw ObservationErrors.TotalMismatch(indicator.Code, body.Value!.Value, sum, parts);
        }
        var value = body.Value ?? sum;
        var breakdownJson = JsonSerializer.Serialize(parts);
        var note = ObservationRules.NormaliseNote(body.Note);

        var key = new { IndicatorId = indicator.Id, ParkId = parkId, PeriodStart = period.Start, Period = period.Canonical };
        await Rounds.RoundLocks.EnsureWritableAsync(session, clock, indicator.Id, parkId, body.ParkCode, period, cancellationToken);
        var existing = await session.QuerySingleOrDefaultAsync<Existing>(FindForUpdate, key, cancellationToken);
        var values = new
        {
            key.IndicatorId, key.ParkId, key.Period, key.PeriodStart, PeriodEnd = period.End,
            Value = value, Breakdown = breakdownJson, body.AsOf, SourceId = sourceId, Note = note,
            RecordedAt = clock.GetUtcNow(), RecordedBy = caller.DisplayName,
        };

        if (existing is not null)
        {
            if (command.CreateOnly)
            {
                throw new Infrastructure.Errors.ApiException(Infrastructure.Errors.Problems.PreconditionFailed,
                    new Infrastructure.Localization.Text("该观测值已存在（If-None-Match: *）。", "The observation exists already (If-None-Match: *)."),
                    new Dictionary<string, object?> { ["currentETag"] = ETags.Of(existing.Version) });
            }
            command.IfMatch.Check(existing.Version);
            await ReadOnlyMembers.EnsureUnchangedAsync(body, async () => await ReadAsync(period.Canonical, key.IndicatorId, key.ParkId, cancellationToken));
        }
        else if (command.IfMatch is { Any: false })
        {
            command.IfMatch.Check(0); // If-Match names a version of a figure that does not exist: stale
        }

        var created = false;
        var version = 1;
        if (existing is null)
        {
            // A figure deleted before continues its versions (migration 0011), so the version comes from the database.
            var inserted = await session.ExecuteScalarAsync<int?>(Insert, values, cancellationToken);
            created = inserted is not null;
            version = inserted ?? 0;
            // Lost a race with a concurrent insert of the same key: that writer won, as with a stale If-Match.
            if (!created)
            {
                existing = await session.QuerySingleAsync<Existing>(FindForUpdate, key, cancellationToken);
                command.IfMatch.Check(existing.Version);
            }
        }

        if (existing is not null)
        {
            var figureChanged = existing.Value != value || !SameParts(StoredBreakdown.ParseValues(existing.BreakdownJson), parts);
            if (ObservationRules.NeedsNote(figureChanged, note))
            {
                throw ObservationErrors.CorrectionNeedsNote(indicator.Code, body.ParkCode, period.Canonical);
            }
            var unchanged = !figureChanged && existing.AsOf == body.AsOf && existing.SourceId == sourceId && existing.Note == note;
            if (unchanged)
            {
                return new PutObservationResult(indicator.Code, body.ParkCode, period.Canonical, Created: false);
            }
            version = existing.Version + 1;
            await session.ExecuteAsync(Update, new { existing.Id, values.Value, values.Breakdown, values.AsOf, values.SourceId, values.Note, Version = version, values.RecordedAt, values.RecordedBy }, cancellationToken);
        }

        await session.ExecuteAsync(ObservationRevisions.Insert, new
        {
            values.IndicatorId, values.ParkId, values.Period, values.PeriodStart, values.PeriodEnd,
            Action = created ? "created" : "updated", Version = version,
            values.Value, values.Breakdown, values.AsOf, values.SourceId, values.Note, values.RecordedAt, values.RecordedBy,
        }, cancellationToken);

        return new PutObservationResult(indicator.Code, body.ParkCode, period.Canonical, created);
    }

    /// <summary>Checks the total and every member against the indicator; all failures are reported together.</summary>
    private static Dictionary<string, decimal> CheckValues(IndicatorRow indicator, PutObservationRequest body)
    {
        var failures = new List<ValidationFailure>();
        if (body.Value is { } total && ObservationRules.CheckValue(indicator.ValueKind, total) is { } totalBreach)
        {
            failures.Add(new ValidationFailure("value", Lang.Pick(totalBreach.Message)));
        }

        var parts = new Dictionary<string, decimal>();
        var members = indicator.Breakdown?.Members.Select(m => m.Code).ToList() ?? [];
        foreach (var (part, index) in (body.Breakdown ?? []).Select((p, i) => (p, i)))
        {
            if (ObservationRules.CheckMember(indicator.Code, members, part.Member) is { } memberBreach)
            {
                failures.Add(new ValidationFailure($"breakdown[{index}].member", Lang.Pick(memberBreach.Message)));
            }
            if (ObservationRules.CheckValue(indicator.ValueKind, part.Value) is { } valueBreach)
            {
                failures.Add(new ValidationFailure($"breakdown[{index}].value", Lang.Pick(valueBreach.Message)));
            }
            parts[part.Member] = part.Value;
        }
        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
        // Stored in the indicator's member order, so equal figures serialise equally.
        return parts.OrderBy(p => members.IndexOf(p.Key)).ToDictionary(p => p.Key, p => p.Value);
    }

    private static bool SameParts(IReadOnlyDictionary<string, decimal> a, IReadOnlyDictionary<string, decimal> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var other) && other == pair.Value);

    private async Task<ObservationDto> ReadAsync(string period, long indicatorId, long parkId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleAsync<ObservationRow>(
            ObservationRow.Select(asOf: false) + "\nwhere o.indicator_id = @indicatorId and o.park_id = @parkId and o.period = @period",
            new { indicatorId, parkId, period }, cancellationToken);
        return row.ToDto(row.Unit, clock.Today());
    }
}
