using System.Globalization;

namespace Gaoxin.Api.Infrastructure.Localization;

/// <summary>
/// The request's language, set from Accept-Language by the request-localization middleware (zh-CN by default).
/// Handlers read both languages from the database and pick here, so the SQL stays the same for every language.
/// </summary>
public static class Lang
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Supported = [Chinese, English];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string Pick(string zh, string en) => IsEnglish ? en : zh;

    public static string Pick(Text text) => IsEnglish ? text.En : text.Zh;

    /// <summary>Answers in <paramref name="language"/> until disposed, e.g. to render a resource as each language's readers saw it.</summary>
    public static IDisposable Use(string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        return new Restore(previous);
    }

    private sealed class Restore(CultureInfo previous) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = previous;
    }
}

/// <summary>A message the API itself says, in both languages.</summary>
public readonly record struct Text(string Zh, string En);
