using Gaoxin.Api.Features.Targets.PutTarget;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Contracts.Imports;
using Gaoxin.Contracts.Targets;
using MediatR;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Targets by their natural key: each row is the PUT a client would send (so every rule is the same), replacing an
/// existing target without a precondition, as imports do; an unchanged row adds no version.
/// </summary>
public sealed class TargetImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Targets;

    IReadOnlyList<string> IImporter.Columns => Columns;

    public static readonly string[] Columns =
    [
        "indicator_code", "park_code", "period", "member", "direction", "value", "due_on", "baseline_value", "baseline_on",
        "source", "note", "illustrative",
    ];

    protected override string? ColumnOf(string field) => field switch
    {
        "baseline.value" => "baseline_value",
        "baseline.on" => "baseline_on",
        "sourceCode" => "source",
        _ => base.ColumnOf(field),
    };

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var ok = true;
        var indicator = Required(row, 0, "indicator_code", tally, ref ok);
        var park = Required(row, 1, "park_code", tally, ref ok);
        var period = Required(row, 2, "period", tally, ref ok);
        ok &= TryEnum<TargetDirection>(row, 4, "direction", tally, out var direction);
        if (direction is null && row.Get(4) is null)
        {
            tally.Problem(row.Line, "direction", Problems.ImportMissingValue, ImportValues.Missing("direction"));
            ok = false;
        }
        var value = Number(row, 5, "value", tally, ref ok, required: true);
        var due = Day(row, 6, "due_on", tally, ref ok, required: true);
        var baselineValue = Number(row, 7, "baseline_value", tally, ref ok, required: false);
        var baselineOn = Day(row, 8, "baseline_on", tally, ref ok, required: baselineValue is not null);
        var illustrative = row.Get(11) is { } flag && (flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1");
        if (!ok)
        {
            throw new RowRejectedException();
        }

        var fields = new TargetFields
        {
            IndicatorCode = indicator, ParkCode = park, Period = period, Member = row.Get(3), Direction = direction!.Value,
            Value = value!.Value, DueOn = due!.Value,
            Baseline = baselineValue is { } b && baselineOn is { } on ? new BaselineDto { Value = b, On = on } : null,
            SourceCode = row.Get(9), Note = row.Get(10), Illustrative = illustrative,
        };
        var result = await Mediator.Send(new PutTargetCommand(fields, new IfMatch(true, new HashSet<int>())), cancellationToken);
        return result.Created ? RowOutcome.Created : result.Changed ? RowOutcome.Updated : RowOutcome.Unchanged;
    }
}
