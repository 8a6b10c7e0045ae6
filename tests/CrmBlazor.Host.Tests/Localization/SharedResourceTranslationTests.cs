using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// Each translation of <c>SharedResource.resx</c> (<c>SharedResource.&lt;culture&gt;.resx</c>) covers
/// every English text, has no text the English file no longer has, and keeps the English text's
/// format placeholders, so that <c>L["{0} of {1} customers saved…", saved, total]</c> never throws
/// or shows the wrong number. When a key test fails after <c>python3 tools/sync-resources.py</c>
/// added or removed texts, translate the new texts in every culture file (docs/architecture.md,
/// Translations).
/// </summary>
public sealed partial class SharedResourceTranslationTests
{
    private static readonly string ResourcesFolder = Path.Combine(RepositoryFiles.HostProject, "Resources");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => ReadResx(Path.Combine(ResourcesFolder, "SharedResource.resx")));

    public static TheoryData<string> Cultures => [.. CultureFiles().Select(f => f.Culture)];

    [Fact]
    public void CultureFiles_ForEverySupportedCultureThatIsNotEnglish_Exist()
    {
        var expected = CrmCultures.All.Select(c => CultureInfo.GetCultureInfo(c.Name))
            .Where(c => c.TwoLetterISOLanguageName != "en")
            .Select(c => c.TwoLetterISOLanguageName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, CultureFiles().Select(f => f.Culture).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Translation_EveryKey_ExistsInEnglish(string culture)
    {
        var stale = Translation(culture).Keys.Where(k => !English.Value.ContainsKey(k)).ToList();

        Assert.Empty(stale);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Translation_EveryEnglishKey_IsTranslated(string culture)
    {
        var translation = Translation(culture);

        var untranslated = English.Value
            .Where(e => !translation.TryGetValue(e.Key, out var text) || string.IsNullOrWhiteSpace(text) || text == e.Value)
            .Select(e => e.Key)
            .ToList();

        Assert.Empty(untranslated);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Translation_EveryText_KeepsTheEnglishPlaceholders(string culture)
    {
        var wrong = Translation(culture)
            .Where(t => English.Value.TryGetValue(t.Key, out var english) && !Placeholders(t.Value).SequenceEqual(Placeholders(english)))
            .Select(t => $"{t.Key} => {t.Value}")
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Placeholders_OfAText_AreTheFormatItemsInAnyOrderWithTheirFormats()
    {
        Assert.Equal(["{0:N1}", "{1}"], Placeholders("{1} MB; the file is {0:N1} MB"));
        Assert.NotEqual(Placeholders("{0} of {1}"), Placeholders("{0} of {0}"));
        Assert.NotEqual(Placeholders("{0:N1} MB"), Placeholders("{0} MB"));
        Assert.Empty(Placeholders("Refreshing… 50%"));
        Assert.Equal(["{all_items}", "{first_item}", "{last_item}"], Placeholders("{first_item}-{last_item} of {all_items}"));
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static IReadOnlyDictionary<string, string> Translation(string culture) =>
        ReadResx(CultureFiles().Single(f => f.Culture == culture).Path);

    private static IEnumerable<(string Culture, string Path)> CultureFiles() =>
        Directory.EnumerateFiles(ResourcesFolder, "SharedResource.*.resx")
            .Select(p => (Culture: Path.GetFileNameWithoutExtension(p)["SharedResource.".Length..], Path: p))
            .OrderBy(f => f.Culture, StringComparer.Ordinal);

    private static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    // A composite format item: index, optional alignment, optional format ("{0}", "{1,-5}", "{0:N1}"),
    // or a named token that MudBlazor replaces itself ("{first_item}").
    [GeneratedRegex(@"\{(?:\d+(?:,-?\d+)?(?::[^{}]*)?|[a-z_]+)\}")]
    private static partial Regex Placeholder();
}
