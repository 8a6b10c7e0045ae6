using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Results;

namespace CrmBlazor.Testing.Resources;

/// <summary>
/// An English resource file (English text is the key) and its culture files
/// (<c>&lt;base&gt;.&lt;culture&gt;.resx</c>), with the checks every translation test makes: no stale
/// key, every key translated, the English placeholders kept. One source file linked into the host's
/// and each plugin's unit tests, which reference nothing of each other.
/// </summary>
/// <param name="folder">The folder of the resource files.</param>
/// <param name="baseName">The base name (<c>SharedResource</c>, <c>ProjectsResources</c>).</param>
internal sealed partial class ResourceTranslation(string folder, string baseName)
{
    private readonly Lazy<IReadOnlyDictionary<string, string>> _english = new(() => Read(Path.Combine(folder, baseName + ".resx")));

    /// <summary>
    /// The SDK's messages for users, which the host and every plugin show through their own resources
    /// (the resource sync tools add them): ChangeResult's refusals and AddressQuery's notes.
    /// </summary>
    public static IReadOnlyList<string> SdkMessages { get; } =
    [
        .. new[] { ChangeResult.NotFound(), ChangeResult.Forbidden() }.SelectMany(r => r.Messages).Select(p => p.Text),
        new AddressValueNote("tag", "abc", "a record number", null).Message.Text,
        new AddressValueNote("week", "9999-12-31", "a day", new DateOnly(2999, 12, 31)).Message.Text,
    ];

    /// <summary>The English texts by key.</summary>
    public IReadOnlyDictionary<string, string> English => _english.Value;

    /// <summary>The cultures with a file, in ordinal order.</summary>
    public IReadOnlyList<string> Cultures => CulturesOf(folder, baseName);

    /// <summary>A culture's texts by key.</summary>
    /// <param name="culture">The culture of the file (<c>ta</c>).</param>
    public IReadOnlyDictionary<string, string> Translation(string culture) => Read(Path.Combine(folder, $"{baseName}.{culture}.resx"));

    /// <summary>Keys of a culture file the English file no longer has.</summary>
    /// <param name="culture">The culture.</param>
    public List<string> StaleKeys(string culture) => [.. Translation(culture).Keys.Where(k => !English.ContainsKey(k))];

    /// <summary>English keys a culture file lacks, leaves empty or leaves in English.</summary>
    /// <param name="culture">The culture.</param>
    public List<string> UntranslatedKeys(string culture)
    {
        var translation = Translation(culture);
        return [.. English
            .Where(e => !translation.TryGetValue(e.Key, out var text) || string.IsNullOrWhiteSpace(text) || text == e.Value)
            .Select(e => e.Key)];
    }

    /// <summary>Texts of a culture file whose placeholders differ from the English text's.</summary>
    /// <param name="culture">The culture.</param>
    public List<string> WrongPlaceholders(string culture) => [.. Translation(culture)
        .Where(t => English.TryGetValue(t.Key, out var english) && !Placeholders(t.Value).SequenceEqual(Placeholders(english)))
        .Select(t => $"{t.Key} => {t.Value}")];

    /// <summary>
    /// Keys of the English file or a culture file that differ from another only in case: the build keeps
    /// one of them (MSB3568) and the other text is never shown.
    /// </summary>
    public List<string> KeysDifferingOnlyInCase() => [.. new[] { English }.Concat(Cultures.Select(Translation))
        .SelectMany(texts => texts.Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)))
        .Distinct(StringComparer.Ordinal)];

    /// <summary>The cultures of a resource's files, in ordinal order.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="baseName">The base name.</param>
    public static List<string> CulturesOf(string folder, string baseName) =>
        [.. Directory.EnumerateFiles(folder, baseName + ".*.resx")
            .Select(p => Path.GetFileNameWithoutExtension(p)[(baseName.Length + 1)..])
            .Order(StringComparer.Ordinal)];

    /// <summary>The format items of a text, in ordinal order.</summary>
    /// <param name="text">The text.</param>
    public static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    /// <summary>The folder holding CrmBlazor.sln, above the test's output folder.</summary>
    public static string RepositoryRoot()
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

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    // A composite format item: index, optional alignment, optional format ("{0}", "{1,-5}", "{0:D}"),
    // or a named token that MudBlazor replaces itself ("{first_item}").
    [GeneratedRegex(@"\{(?:\d+(?:,-?\d+)?(?::[^{}]*)?|[a-z_]+)\}")]
    private static partial Regex Placeholder();
}
