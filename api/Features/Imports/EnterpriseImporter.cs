using System.Text.Json;
using Gaoxin.Api.Features.Enterprises.CreateEnterprise;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Features.Enterprises.UpdateEnterprise;
using Gaoxin.Api.Infrastructure.Database;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Http;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Enterprises;
using Gaoxin.Contracts.Imports;
using Gaoxin.Contracts.Policies;
using MediatR;

namespace Gaoxin.Api.Features.Imports;

/// <summary>
/// Enterprises, each row sent as the same commands the endpoints send (so every rule, the credit code's check and the
/// scope of the key included, is the same). JSON and NDJSON records are <c>createEnterprise</c>'s body and replace the
/// record whole. A CSV row is a registry line as statistics offices keep them: for an enterprise on record, a cell left
/// empty keeps what is recorded, and the year's figures are merged into its figures (the other years stay), so a file
/// of one year's R&amp;D spend by code updates just that.
/// </summary>
public sealed class EnterpriseImporter(DbSession session, IMediator mediator) : CommandRowImporter(session, mediator), IImporter
{
    public ImportKind Kind => ImportKind.Enterprises;

    IReadOnlyList<string> IImporter.Columns => Columns;

    /// <summary>JSON records are trees, read whole; CSV has these columns.</summary>
    public IReadOnlyList<string> ColumnsFor(ImportFormat format) => format == ImportFormat.Csv ? Columns : [];

    public static readonly string[] Columns =
    [
        "code", "name_zh", "name_en", "credit_code", "park_code", "in_park_since", "registered_on", "industries", "qualifications",
        "year", "rnd_spend", "headcount", "revenue", "source", "illustrative",
    ];

    /// <summary>JSON records are named by their members' paths, CSV rows by their columns.</summary>
    private bool _readingJson;

    protected override string? ColumnOf(string field) => _readingJson ? field : field switch
    {
        "names.zh" => "name_zh",
        "names.en" => "name_en",
        "sourceCode" => "source",
        _ when field.StartsWith("figures", StringComparison.Ordinal) => "year",
        _ when field.StartsWith("qualifications", StringComparison.Ordinal) => "qualifications",
        _ when field.StartsWith("industries", StringComparison.Ordinal) => "industries",
        _ => base.ColumnOf(field),
    };

    protected override async Task<RowOutcome> ApplyAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        _readingJson = row.Raw is not null;
        var (code, fields, exists) = row.Raw is { } raw ? await FromJsonAsync(raw, row.Line, tally, cancellationToken) : await FromCsvAsync(row, tally, cancellationToken);
        if (!exists)
        {
            await Mediator.Send(new CreateEnterpriseCommand(new CreateEnterpriseRequest
            {
                Code = code!, Names = fields!.Names, CreditCode = fields.CreditCode, ParkCode = fields.ParkCode, InParkSince = fields.InParkSince,
                RegisteredOn = fields.RegisteredOn, Industries = fields.Industries, Qualifications = fields.Qualifications, Figures = fields.Figures,
                SourceCode = fields.SourceCode, Illustrative = fields.Illustrative,
            }), cancellationToken);
            return RowOutcome.Created;
        }
        var changed = await Mediator.Send(new UpdateEnterpriseCommand(code!, fields!, new IfMatch(true, new HashSet<int>())), cancellationToken);
        return changed ? RowOutcome.Updated : RowOutcome.Unchanged;
    }

    /// <summary>The enterprise as this import's transaction sees it (an earlier row of the same file included).</summary>
    private async Task<EnterpriseDto?> CurrentAsync(string code, CancellationToken cancellationToken)
    {
        var row = await Session.QuerySingleOrDefaultAsync<EnterpriseRow>(EnterpriseRow.Current + "\nwhere e.code = @code", new { code }, cancellationToken);
        return row?.ToDto(await ParkNames.LoadAsync(Session.Connection, Session.Transaction, cancellationToken));
    }

    private async Task<(string, EnterpriseFields, bool Exists)> FromJsonAsync(JsonElement raw, int line, ImportTally tally, CancellationToken cancellationToken)
    {
        var (code, fields) = FromJson(raw, line, tally);
        return (code, fields, await Session.ExecuteScalarAsync<bool>("select exists (select 1 from enterprises where code = @code)", new { code }, cancellationToken));
    }

    private static (string, EnterpriseFields) FromJson(JsonElement raw, int line, ImportTally tally)
    {
        var body = Record<CreateEnterpriseRequest>(raw, line, tally, new("企业", "an enterprise", "The enterprise"));
        return (body.Code, body);
    }

    private async Task<(string, EnterpriseFields, bool Exists)> FromCsvAsync(RowReader row, ImportTally tally, CancellationToken cancellationToken)
    {
        var ok = true;
        var code = Required(row, 0, "code", tally, ref ok);
        var inParkSince = Day(row, 5, "in_park_since", tally, ref ok, required: false);
        var registeredOn = Day(row, 6, "registered_on", tally, ref ok, required: false);
        var industries = List<Industry>(row, 7, "industries", tally, ref ok, ParseIndustry);
        var qualifications = List<QualificationHeld>(row, 8, "qualifications", tally, ref ok, ParseQualification);
        var year = Number(row, 9, "year", tally, ref ok, required: false);
        var rnd = Number(row, 10, "rnd_spend", tally, ref ok, required: false);
        var headcount = Number(row, 11, "headcount", tally, ref ok, required: false);
        var revenue = Number(row, 12, "revenue", tally, ref ok, required: false);
        if (year is null && (rnd ?? headcount ?? revenue) is not null)
        {
            tally.Problem(row.Line, "year", Problems.ImportMissingValue, ImportValues.Missing("year"));
            ok = false;
        }
        var current = ok ? await CurrentAsync(code, cancellationToken) : null;
        if (current is null)
        {
            Required(row, 1, "name_zh", tally, ref ok);
            Required(row, 2, "name_en", tally, ref ok);
        }
        if (!ok)
        {
            throw new RowRejectedException();
        }

        var figures = current?.Figures.ToList() ?? [];
        if (year is { } y)
        {
            var at = figures.FindIndex(f => f.Year == (int)y);
            var before = at >= 0 ? figures[at] : new EnterpriseYearFigures { Year = (int)y };
            var merged = before with
            {
                RndSpend = rnd ?? before.RndSpend,
                Headcount = headcount is { } h ? (int)h : before.Headcount,
                Revenue = revenue ?? before.Revenue,
                SourceCode = row.Get(13) ?? before.SourceCode,
            };
            if (at >= 0) figures[at] = merged; else figures.Add(merged);
        }
        var illustrative = row.Get(14) is { } flag ? flag.Equals("true", StringComparison.OrdinalIgnoreCase) || flag == "1" : current?.Illustrative ?? false;
        return (code, new EnterpriseFields
        {
            Names = new LocalizedText { Zh = row.Get(1) ?? current!.Names.Zh, En = row.Get(2) ?? current!.Names.En },
            CreditCode = row.Get(3) ?? current?.CreditCode,
            ParkCode = row.Get(4) ?? current?.ParkCode,
            InParkSince = inParkSince ?? (row.Get(4) is null ? current?.InParkSince : null),
            RegisteredOn = registeredOn ?? current?.RegisteredOn,
            Industries = (IReadOnlyList<Industry>?)industries ?? current?.Industries ?? [],
            Qualifications = (IReadOnlyList<QualificationHeld>?)qualifications ?? current?.Qualifications ?? [],
            Figures = figures,
            SourceCode = current?.SourceCode ?? row.Get(13),
            Illustrative = illustrative,
        }, current is not null);
    }

    /// <summary>A list cell, items separated by semicolons; null when the cell is empty.</summary>
    private static List<T>? List<T>(RowReader row, int ordinal, string column, ImportTally tally, ref bool ok, TryParse<T> parse)
    {
        if (row.Get(ordinal) is not { } text)
        {
            return null;
        }
        var items = new List<T>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (parse(part, out var item))
            {
                items.Add(item);
            }
            else
            {
                tally.Problem(row.Line, column, Problems.ImportInvalidValue, new($"“{column}”中的“{part}”无效。", $"'{part}' in '{column}' is not valid."));
                ok = false;
            }
        }
        return items;
    }

    private static bool ParseIndustry(string? text, out Industry industry)
    {
        var found = EnumQuery<Industry>.TryParse(text, out var parsed);
        industry = parsed.Value;
        return found;
    }

    /// <summary><c>kind</c>, <c>kind:from</c> or <c>kind:from..until</c> (<c>kind:..until</c> when the start is not known).</summary>
    private static bool ParseQualification(string? text, out QualificationHeld held)
    {
        held = Qualified(text ?? "")!;
        return held is not null;
    }

    private static QualificationHeld? Qualified(string text)
    {
        var (kindText, dates) = text.IndexOf(':') is var colon and >= 0 ? (text[..colon], text[(colon + 1)..]) : (text, "");
        if (!EnumQuery<Qualification>.TryParse(kindText.Trim(), out var kind))
        {
            return null;
        }
        var (fromText, untilText) = dates.IndexOf("..", StringComparison.Ordinal) is var dots and >= 0 ? (dates[..dots], dates[(dots + 2)..]) : (dates, "");
        DateOnly? from = null, until = null;
        if (fromText.Trim() is { Length: > 0 } f)
        {
            if (!ImportValues.TryDate(f, out var day)) return null;
            from = day;
        }
        if (untilText.Trim() is { Length: > 0 } u)
        {
            if (!ImportValues.TryDate(u, out var day)) return null;
            until = day;
        }
        return new QualificationHeld { Kind = kind.Value, From = from, Until = until };
    }
}
