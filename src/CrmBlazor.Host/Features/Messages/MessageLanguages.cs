using System.Globalization;
using CrmBlazor.Host.Localization;
using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>The languages messages are written in, as customers, contacts and templates name them.</summary>
public static class MessageLanguages
{
    /// <summary>The codes, English first (<c>en</c>, <c>ta</c>, <c>kn</c>, <c>gu</c>, <c>ur</c>, <c>ka</c>).</summary>
    public static IReadOnlyList<string> Codes => MessageTemplateDefinition.Languages;

    /// <summary>The languages with their names in themselves, for pickers.</summary>
    public static IReadOnlyList<CrmCulture> All { get; } =
        [.. Codes.Select(code => new CrmCulture(code, Capitalized(CultureInfo.GetCultureInfo(code).NativeName)))];

    /// <summary>A code of <see cref="Codes"/> for a code or culture name (<c>ta-IN</c> → <c>ta</c>), or null when it is none of them.</summary>
    /// <param name="language">The code or culture name.</param>
    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        var code = language.Trim();
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        code = (dash > 0 ? code[..dash] : code).ToLowerInvariant();
        return Codes.Contains(code) ? code : null;
    }

    /// <summary>Whether the language is written right to left (Urdu).</summary>
    /// <param name="code">A code of <see cref="Codes"/>.</param>
    public static bool IsRightToLeft(string code) => CultureInfo.GetCultureInfo(code).TextInfo.IsRightToLeft;

    /// <summary>The culture a language's numbers and dates are written in: the first UI culture of the language (<c>en-GB</c> for English).</summary>
    /// <param name="code">A code of <see cref="Codes"/>.</param>
    public static CultureInfo CultureOf(string code) =>
        CrmCultures.All.FirstOrDefault(c => c.Culture.TwoLetterISOLanguageName == code)?.Culture ?? CultureInfo.GetCultureInfo(code);

    private static string Capitalized(string name) => name.Length > 0 ? char.ToUpper(name[0], CultureInfo.InvariantCulture) + name[1..] : name;
}
