using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrmBlazor.Plugins.Invoicing.Tests.Resources;

/// <summary>
/// Each translation of <c>InvoicingResources.resx</c> covers every English text, has no text the
/// English file no longer has, and keeps the English text's format placeholders; and the plugin is
/// translated into every language the host is, so that a Tamil user never meets an English
/// invoice page inside a Tamil CRM. When a key test fails after
/// <c>python3 tools/sync-plugin-resources.py plugins/Invoicing InvoicingResources</c>, translate the new
/// texts in every culture file.
/// </summary>
public sealed partial class InvoicingResourcesTranslationTests
{
    private static readonly string Root = RepositoryRoot();

    private static readonly string ResourcesFolder = Path.Combine(Root, "plugins", "Invoicing", "Resources");

    private static readonly Lazy<IReadOnlyDictionary<string, string>> English = new(() => ReadResx(Path.Combine(ResourcesFolder, "InvoicingResources.resx")));

    public static TheoryData<string> Cultures => [.. CulturesOf(ResourcesFolder, "InvoicingResources")];

    [Fact]
    public void CultureFiles_ForEveryLanguageTheHostIsTranslatedInto_Exist()
    {
        var host = CulturesOf(Path.Combine(Root, "src", "CrmBlazor.Host", "Resources"), "SharedResource");

        Assert.Equal(host, CulturesOf(ResourcesFolder, "InvoicingResources"));
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
        Assert.Equal(["{0}", "{1:d}", "{2}"], Placeholders("The time of {0} on {1:d} ({2})"));
        Assert.NotEqual(Placeholders("{0:d}"), Placeholders("{0:D}"));
        Assert.NotEqual(Placeholders("{0} h, {1} h"), Placeholders("{0} h"));
        Assert.Empty(Placeholders("\"1,14,30\""));
        Assert.Equal(["{all_items}", "{first_item}", "{last_item}"], Placeholders("{first_item}-{last_item} of {all_items}"));
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    private static IReadOnlyDictionary<string, string> Translation(string culture) =>
        ReadResx(Path.Combine(ResourcesFolder, $"InvoicingResources.{culture}.resx"));

    private static List<string> CulturesOf(string folder, string baseName) =>
        [.. Directory.EnumerateFiles(folder, baseName + ".*.resx")
            .Select(p => Path.GetFileNameWithoutExtension(p)[(baseName.Length + 1)..])
            .Order(StringComparer.Ordinal)];

    private static Dictionary<string, string> ReadResx(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CrmBlazor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CrmBlazor.sln not found above " + AppContext.BaseDirectory);
    }

    // A composite format item: index, optional alignment, optional format ("{0}", "{1,-5}", "{0:D}"),
    // or a named token that MudBlazor replaces itself ("{first_item}").
    [GeneratedRegex(@"\{(?:\d+(?:,-?\d+)?(?::[^{}]*)?|[a-z_]+)\}")]
    private static partial Regex Placeholder();
}
