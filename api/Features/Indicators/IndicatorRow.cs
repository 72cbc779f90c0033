using System.Text.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Indicators;
using Gaoxin.Contracts.Observations;

namespace Gaoxin.Api.Features.Indicators;

/// <summary>The stored breakdown definition (indicators.breakdown, jsonb).</summary>
public sealed record StoredBreakdown(string Code, string Zh, string En, IReadOnlyList<StoredBreakdown.Member> Members)
{
    public sealed record Member(string Code, string Zh, string En);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoredBreakdown? Parse(string? json) => json is null ? null : JsonSerializer.Deserialize<StoredBreakdown>(json, Json);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StoredBreakdown From(BreakdownDto definition) => new(
        definition.Code, definition.Names.Zh.Trim(), definition.Names.En.Trim(),
        definition.Members.Select(m => new Member(m.Code, m.Names.Zh.Trim(), m.Names.En.Trim())).ToList());

    public BreakdownDto ToDto() => new()
    {
        Code = Code,
        Name = Lang.Pick(Zh, En),
        Names = new LocalizedText { Zh = Zh, En = En },
        Members = Members.Select(m => new BreakdownMemberDto { Code = m.Code, Name = Lang.Pick(m.Zh, m.En), Names = new LocalizedText { Zh = m.Zh, En = m.En } }).ToList(),
    };

    /// <summary>Stored member values as the API shows them: in the definition's member order, with names, converted.</summary>
    public static IReadOnlyList<BreakdownValueDto> Values(StoredBreakdown? definition, IReadOnlyDictionary<string, decimal> values, Func<decimal, decimal> convert)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var members = definition?.Members ?? [];
        return values
            .OrderBy(v => members.Select(m => m.Code).ToList().IndexOf(v.Key) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(v => v.Key, StringComparer.Ordinal)
            .Select(v =>
            {
                var member = members.FirstOrDefault(m => m.Code == v.Key);
                return new BreakdownValueDto { Member = v.Key, Name = member is null ? v.Key : Lang.Pick(member.Zh, member.En), Value = convert(v.Value) };
            })
            .ToList();
    }

    public static IReadOnlyDictionary<string, decimal> ParseValues(string? json) =>
        string.IsNullOrEmpty(json) ? new Dictionary<string, decimal>() : JsonSerializer.Deserialize<Dictionary<string, decimal>>(json)!;
}

/// <summary>An indicator as every indicator query reads it.</summary>
public sealed class IndicatorRow
{
    public const string Select = """
        select i.id, i.code, i.name_zh, i.name_en, i.description_zh, i.description_en, i.category, i.unit, i.value_kind,
               i.aggregation, i.breakdown::text as breakdown_json, i.total_equals_breakdown, i.planned_completion,
               i.version, i.updated_at
        from indicators i
        """;

    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string NameZh { get; init; } = "";
    public string NameEn { get; init; } = "";
    public string DescriptionZh { get; init; } = "";
    public string DescriptionEn { get; init; } = "";
    public IndicatorCategory Category { get; init; }
    public IndicatorUnit Unit { get; init; }
    public ValueKind ValueKind { get; init; }
    public Aggregation Aggregation { get; init; }
    public string? BreakdownJson { get; init; }
    public bool TotalEqualsBreakdown { get; init; }
    public DateOnly? PlannedCompletion { get; init; }
    public int Version { get; init; }
    public DateTime UpdatedAt { get; init; }

    public StoredBreakdown? Breakdown => _breakdown ??= StoredBreakdown.Parse(BreakdownJson);
    private StoredBreakdown? _breakdown;

    public IndicatorDto ToDto() => new()
    {
        Code = Code,
        Name = Lang.Pick(NameZh, NameEn),
        Description = Lang.Pick(DescriptionZh, DescriptionEn),
        Names = new LocalizedText { Zh = NameZh, En = NameEn },
        Descriptions = new LocalizedText { Zh = DescriptionZh, En = DescriptionEn },
        Category = Category,
        Unit = Unit,
        ValueKind = ValueKind,
        Aggregation = Aggregation,
        Breakdown = Breakdown?.ToDto(),
        TotalEqualsBreakdown = TotalEqualsBreakdown,
        PlannedCompletion = PlannedCompletion,
        Version = Version,
        UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)),
    };
}
