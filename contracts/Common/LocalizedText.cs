using System.ComponentModel.DataAnnotations;
namespace Gaoxin.Contracts.Common;

/// <summary>A text in both languages of the platform: Simplified Chinese (zh-CN, the default) and English.</summary>
public sealed record LocalizedText
{
    /// <summary>简体中文 (zh-CN).</summary>
    /// <example>海东园区</example>
    [MaxLength(4000)]
    public required string Zh { get; init; }

    /// <summary>English.</summary>
    /// <example>Haidong Park</example>
    [MaxLength(4000)]
    public required string En { get; init; }

    /// <summary>No text in either language: what an omitted description stands for.</summary>
    public static LocalizedText Empty { get; } = new() { Zh = "", En = "" };
}
