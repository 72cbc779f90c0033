using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Features.Indicators;
using Gaoxin.Api.Features.Indicators.CreateIndicator;
using Gaoxin.Api.Features.Indicators.UpdateIndicator;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;
using MediatR;

using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Indicator definitions by code. A breakdown is one cell: <c>national:国家级:National|provincial:省级:Provincial</c>
/// (member code, Chinese name, English name; members separated by |).
/// </summary>
public sealed class IndicatorImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Indicators;

    IReadOnlyList<string> IImporter.Columns => Columns;

    public static readonly string[] Columns =
    [
        "code", "name_zh", "name_en", "description_zh", "description_en", "category", "unit", "value_kind", "aggregation",
        "breakdown_code", "breakdown_name_zh", "breakdown_name_en", "breakdown_members", "total_equals_breakdown", "planned_completion",
    ];

    protected override string? ColumnOf(string field) =>
        field.StartsWith("breakdown.members", StringComparison.Ordinal) ? "breakdown_members"
        : field == "breakdown.name.zh" ? "breakdown_name_zh"
        : field == "breakdown.name.en" ? "breakdown_name_en"
        : base.ColumnOf(field);

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var ok = true;
        var code = Required(row, 0, "code", tally, ref ok);
        var nameZh = Required(row, 1, "name_zh", tally, ref ok);
        var nameEn = Required(row, 2, "name_en", tally, ref ok);
        ok &= TryEnum<IndicatorCategory>(row, 5, "category", tally, out var category);
        ok &= TryEnum<IndicatorUnit>(row, 6, "unit", tally, out var unit);
        ok &= TryEnum<ValueKind>(row, 7, "value_kind", tally, out var kind);
        ok &= TryEnum<Aggregation>(row, 8, "aggregation", tally, out var aggregation);
        foreach (var (value, ordinal) in new object?[] { category, unit, kind, aggregation }.Select((v, i) => (v, i + 5)))
        {
            if (value is null && row.Get(ordinal) is null)
            {
                tally.Problem(row.Line, Columns[ordinal], Problems.ImportMissingValue, ImportValues.Missing(Columns[ordinal]));
                ok = false;
            }
        }

        BreakdownDto? breakdown = null;
        if (row.Get(9) is { } breakdownCode)
        {
            var members = new List<BreakdownMemberDto>();
            foreach (var member in (row.Get(12) ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = member.Split(':');
                if (parts.Length != 3)
                {
                    tally.Problem(row.Line, "breakdown_members", Problems.ImportInvalidValue, new(
                        $"分项“{member}”应写作 代码:中文名:英文名。", $"Member '{member}' must be written code:中文名:English name."));
                    ok = false;
                    continue;
                }
                var memberNames = new LocalizedText { Zh = parts[1].Trim(), En = parts[2].Trim() };
                members.Add(new BreakdownMemberDto { Code = parts[0].Trim(), Names = memberNames, Name = Lang.Pick(memberNames.Zh, memberNames.En) });
            }
            var names = new LocalizedText { Zh = row.Get(10) ?? "", En = row.Get(11) ?? "" };
            breakdown = new BreakdownDto { Code = breakdownCode, Names = names, Name = Lang.Pick(names.Zh, names.En), Members = members };
        }

        var totalRule = false;
        if (row.Get(13) is { } flag && !bool.TryParse(flag, out totalRule))
        {
            tally.Problem(row.Line, "total_equals_breakdown", Problems.ImportInvalidValue, new($"“{flag}”应为 true 或 false。", $"'{flag}' must be true or false."));
            ok = false;
        }
        DateOnly? planned = null;
        if (row.Get(14) is { } plannedText)
        {
            if (ImportValues.TryDate(plannedText, out var date))
            {
                planned = date;
            }
            else
            {
                tally.Problem(row.Line, "planned_completion", Problems.ImportInvalidValue, ImportValues.NotADate("planned_completion", plannedText));
                ok = false;
            }
        }
        if (!ok)
        {
            throw new RowRejectedException();
        }

        var fields = new IndicatorFields
        {
            Names = new LocalizedText { Zh = nameZh, En = nameEn },
            Descriptions = new LocalizedText { Zh = row.Get(3) ?? "", En = row.Get(4) ?? "" },
            Category = category!.Value,
            Unit = unit!.Value,
            ValueKind = kind!.Value,
            Aggregation = aggregation!.Value,
            Breakdown = breakdown,
            TotalEqualsBreakdown = totalRule,
            PlannedCompletion = planned,
        };

        var current = await Session.QuerySingleOrDefaultAsync<IndicatorRow>(IndicatorRow.Select + "\nwhere i.code = @code", new { code }, cancellationToken);
        if (current is null)
        {
            await Mediator.Send(new CreateIndicatorCommand(new CreateIndicatorRequest
            {
                Code = code, Names = fields.Names, Descriptions = fields.Descriptions, Category = fields.Category, Unit = fields.Unit,
                ValueKind = fields.ValueKind, Aggregation = fields.Aggregation, Breakdown = fields.Breakdown,
                TotalEqualsBreakdown = fields.TotalEqualsBreakdown, PlannedCompletion = fields.PlannedCompletion,
            }), cancellationToken);
            return RowOutcome.Created;
        }
        if (Unchanged.Same(IndicatorWrites.Columns(current.ToDto()), IndicatorWrites.Columns(fields)))
        {
            return RowOutcome.Unchanged;
        }
        await Mediator.Send(new UpdateIndicatorCommand(code, fields, new IfMatch(true, new HashSet<int>())), cancellationToken);
        return RowOutcome.Updated;
    }
}
