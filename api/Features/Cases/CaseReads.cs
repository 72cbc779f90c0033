using System.Data;
using System.Text.Json;
using Dapper;
using Gaoxin.Api.Features.Enterprises;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Cases;

namespace Gaoxin.Api.Features.Cases;

/// <summary>A case's row as reads see it.</summary>
public sealed class CaseRow
{
    public const string Select = """
        select c.code, c.content::text as content_json, c.version, recorded_time(c.recorded_txid, c.recorded_at) as recorded_at, c.recorded_by, c.park_id
        from service_cases c
        """;

    public string Code { get; init; } = "";
    public string ContentJson { get; init; } = "";
    public int Version { get; init; }
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";
    public long ParkId { get; init; }

    public CaseFields Content => _content ??= StoredCase.FromJson(ContentJson);
    private CaseFields? _content;
}

/// <summary>What case answers need beside the rows: the holiday calendar, the departments' and parks' names.</summary>
public sealed class CaseContext
{
    public required WorkCalendar Calendar { get; init; }
    private IReadOnlyDictionary<string, (string Zh, string En)> Organisations { get; init; } = null!;
    private ParkNames Parks { get; init; } = null!;

    public static async Task<CaseContext> LoadAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken) => new()
    {
        Calendar = new WorkCalendar(await CalendarYears.LoadAsync(connection, transaction, cancellationToken)),
        Organisations = (await connection.QueryAsync<(string Code, string NameZh, string NameEn)>(new CommandDefinition(
            "select code, name_zh, name_en from organisations", transaction: transaction, cancellationToken: cancellationToken))).ToDictionary(o => o.Code, o => (o.NameZh, o.NameEn)),
        Parks = await ParkNames.LoadAsync(connection, transaction, cancellationToken),
    };

    public string DepartmentName(string code) => Organisations.TryGetValue(code, out var name) ? Lang.Pick(name.Zh, name.En) : code;

    public CaseTiming.Result Timing(CaseRow row, DateOnly on) => CaseTiming.On(row.Content, on, Calendar, DepartmentName);

    public CaseDto ToDto(CaseRow row, DateOnly on)
    {
        var c = row.Content;
        var timing = Timing(row, on);
        return new CaseDto
        {
            Code = row.Code,
            EnterpriseCode = c.EnterpriseCode,
            EnterpriseName = c.EnterpriseName,
            ProjectName = c.ProjectName,
            ProjectCode = c.ProjectCode,
            ParkCode = c.ParkCode,
            ParkName = Parks.Name(c.ParkCode),
            State = c.State,
            OpenedOn = c.OpenedOn,
            DueOn = c.DueOn,
            ResolvedOn = c.ResolvedOn,
            Steps = c.Steps,
            Actions = c.Actions,
            Problems = c.Problems,
            Illustrative = c.Illustrative,
            On = on,
            Timing = timing.Steps,
            Overdue = timing.Overdue,
            CalendarMissingYears = timing.MissingYears,
            Version = row.Version,
            RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(row.RecordedAt, DateTimeKind.Utc)),
            RecordedBy = row.RecordedBy,
        };
    }
}

/// <summary>The holiday calendars on record, read by case timing and the calendar endpoints alike.</summary>
public static class CalendarYears
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Apply(options);
        return options;
    }

    public static string DaysToJson(IReadOnlyList<CalendarDay> days) => JsonSerializer.Serialize(days.OrderBy(d => d.Date).ToList(), Json);

    public static async Task<IReadOnlyList<CalendarYear>> LoadAsync(IDbConnection connection, IDbTransaction? transaction, CancellationToken cancellationToken, int? year = null) =>
        (await connection.QueryAsync<(int Year, string Source, string Days)>(new CommandDefinition(
            "select year, source, days::text from calendar_years where @Year::int is null or year = @Year order by year", new { Year = year }, transaction, cancellationToken: cancellationToken)))
        .Select(y => new CalendarYear { Year = y.Year, Source = y.Source, Days = JsonSerializer.Deserialize<List<CalendarDay>>(y.Days, Json)! }).ToList();
}
