using System.Text.Json;
using FluentValidation;
using Gaoxin.Api.Infrastructure.Errors;
using Gaoxin.Api.Infrastructure.Json;
using Gaoxin.Api.Infrastructure.Localization;
using Gaoxin.Api.Infrastructure.Validation;
using Gaoxin.Contracts.Evaluations;

namespace Gaoxin.Api.Features.Evaluations;

public static class SchemeErrors
{
    public static ApiException NotFound(string code) => new(Problems.SchemeNotFound,
        new($"评价体系“{code}”不存在。", $"There is no evaluation scheme '{code}'."), new Dictionary<string, object?> { ["schemeCode"] = code });

    public static ApiException VersionNotFound(string code, int version) => new(Problems.SchemeVersionNotFound,
        new($"评价体系“{code}”没有版本 {version}。", $"The evaluation scheme '{code}' has no version {version}."),
        new Dictionary<string, object?> { ["schemeCode"] = code, ["version"] = version });

    public static ApiException CodeTaken(string code) => new(Problems.SchemeCodeTaken,
        new($"评价体系代码“{code}”已被使用。", $"The evaluation scheme code '{code}' is taken."), new Dictionary<string, object?> { ["schemeCode"] = code });
}

/// <summary>The field rules create and update share (the tree's own rules are <see cref="SchemeRules"/>).</summary>
public sealed class SchemeFieldsValidator : AbstractValidator<SchemeFields>
{
    public SchemeFieldsValidator()
    {
        RuleFor(s => s.Names).NotNull().MustBeText(200, required: true);
        RuleFor(s => s.Descriptions).NotNull().MustBeText(4000, required: false);
        RuleFor(s => s.MissingInputs).IsInEnum();
        RuleFor(s => s.Root).NotNull();
    }
}

/// <summary>A scheme version as stored: its content is the <see cref="SchemeFields"/> as JSON, normalised.</summary>
public sealed class SchemeVersionRow
{
    public const string Select = """
        select s.code, v.version, v.content::text as content_json, recorded_time(v.recorded_txid, v.recorded_at) as recorded_at, v.recorded_by
        from evaluation_schemes s
        join evaluation_scheme_versions v on v.scheme_id = s.id
        """;

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.Apply(options);
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    public string Code { get; init; } = "";
    public int Version { get; init; }
    public string ContentJson { get; init; } = "{}";
    public DateTime RecordedAt { get; init; }
    public string RecordedBy { get; init; } = "";

    /// <summary>The content as one JSON document, the same for the same content whatever type carried it.</summary>
    public static string Content(SchemeFields fields) => JsonSerializer.Serialize(new SchemeFields
    {
        Names = new() { Zh = fields.Names.Zh.Trim(), En = fields.Names.En.Trim() },
        Descriptions = new() { Zh = fields.Descriptions.Zh.Trim(), En = fields.Descriptions.En.Trim() },
        MissingInputs = fields.MissingInputs,
        Root = fields.Root,
        Illustrative = fields.Illustrative,
    }, Json);

    public SchemeFields Fields => JsonSerializer.Deserialize<SchemeFields>(ContentJson, Json)!;

    public SchemeDto ToDto()
    {
        var fields = Fields;
        return new SchemeDto
        {
            Code = Code, Name = Lang.Pick(fields.Names.Zh, fields.Names.En), Names = fields.Names, Descriptions = fields.Descriptions,
            MissingInputs = fields.MissingInputs, Root = fields.Root, Illustrative = fields.Illustrative, Version = Version,
            RecordedAt = new DateTimeOffset(DateTime.SpecifyKind(RecordedAt, DateTimeKind.Utc)), RecordedBy = RecordedBy,
        };
    }
}
