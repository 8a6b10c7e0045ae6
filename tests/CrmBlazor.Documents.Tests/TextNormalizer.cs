using System.Text.RegularExpressions;

namespace CrmBlazor.Documents.Tests;

/// <summary>Makes extracted text comparable: drops the directional marks extractors add around right-to-left text, collapses whitespace.</summary>
internal static partial class TextNormalizer
{
    public static string Normalize(string text) =>
        Whitespace().Replace(DirectionalMarks().Replace(text, string.Empty), " ").Trim();

    [GeneratedRegex("[\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex DirectionalMarks();

    [GeneratedRegex("\\s+")]
    private static partial Regex Whitespace();
}
