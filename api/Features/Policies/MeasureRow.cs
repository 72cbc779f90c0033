using System.Text.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Contracts.Common;
using Gaoxin.Contracts.Policies;

namespace Gaoxin.Api.Features.Policies;

/// <summary>A support measure as reads see it.</summary>
public sealed class MeasureRow
{
    public const string Select = """
        select m.id, m.policy_id, p.code as policy_code, m.code, m.position, m.kind, m.title_zh, m.title_en,
               m.description_zh, m.description_en, m.amount, m.rate, m.cap, m.conditions::text as conditions_json, m.grant_without_application, m.version
        from support_measures m
        join policies p on p.id = m.policy_id
        """;

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Infrastructure.Json.JsonSetup.Apply(options);
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    public long Id { get; init; }
    public long PolicyId { get; init; }
    public string PolicyCode { get; init; } = "";
    public string Code { get; init; } = "";
    public int Position { get; init; }
    public MeasureKind Kind { get; init; }
    public string TitleZh { get; init; } = "";
    public string TitleEn { get; init; } = "";
    public string DescriptionZh { get; init; } = "";
    public string DescriptionEn { get; init; } = "";
    public decimal? Amount { get; init; }
    public decimal? Rate { get; init; }
    public decimal? Cap { get; init; }
    public string ConditionsJson { get; init; } = "{}";
    public bool GrantWithoutApplication { get; init; }
    public int Version { get; init; }

    public MeasureConditions Conditions => _conditions ??= ReadConditions(ConditionsJson);
    private MeasureConditions? _conditions;

    public static string WriteConditions(MeasureConditions? conditions) => JsonSerializer.Serialize(conditions ?? new MeasureConditions(), Json);

    public static MeasureConditions ReadConditions(string json) => JsonSerializer.Deserialize<MeasureConditions>(json, Json) ?? new MeasureConditions();

    /// <summary>The most this measure gives one enterprise, in 万元: the fixed amount, else the cap.</summary>
    public decimal? MaxSupport => Amount ?? Cap;

    public SupportMeasureDto ToDto() => new()
    {
        Code = Code,
        PolicyId = PolicyCode,
        Kind = Kind,
        Title = Lang.Pick(TitleZh, TitleEn),
        Description = Lang.Pick(DescriptionZh, DescriptionEn),
        Titles = new LocalizedText { Zh = TitleZh, En = TitleEn },
        Descriptions = new LocalizedText { Zh = DescriptionZh, En = DescriptionEn },
        Amount = Amount,
        Rate = Rate,
        Cap = Cap,
        Conditions = Conditions,
        GrantWithoutApplication = GrantWithoutApplication,
        Version = Version,
    };
}
