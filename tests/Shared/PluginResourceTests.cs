using System.Text.RegularExpressions;

namespace CrmBlazor.Testing.Resources;

/// <summary>
/// What the resources of every first-party plugin must be: a culture file for each language the host is
/// translated into (so that a Tamil user never meets an English page of a plugin inside a Tamil CRM), each
/// without stale keys, with every English text translated and its placeholders kept; and an English entry
/// for every text the plugin's sources show users (<c>L["…"]</c>, <c>new Problem("…")</c>,
/// <c>ErrorMessage = "…"</c>) and for the SDK's messages. English text is the key, so a missing entry
/// would show English in every language without anyone noticing. One source file linked into each plugin's
/// unit tests, which derive a class naming the plugin. When a test fails, run
/// <c>python3 tools/sync-plugin-resources.py plugins/&lt;Folder&gt; &lt;BaseName&gt;</c> and translate the new texts.
/// </summary>
/// <param name="pluginFolder">The plugin's folder under <c>plugins/</c> (<c>Projects</c>).</param>
/// <param name="baseName">The base name of its resources (<c>ProjectsResources</c>).</param>
/// <param name="textsItShows">A few texts its sources show users: they guard the search itself, which a broken pattern or path would make find nothing.</param>
public abstract partial class PluginResourceTests(string pluginFolder, string baseName, params string[] textsItShows)
{
    private static readonly string Root = ResourceTranslation.RepositoryRoot();

    private readonly string _project = Path.Combine(Root, "plugins", pluginFolder);

    /// <summary>The languages the host is translated into.</summary>
    public static TheoryData<string> HostCultures => [.. ResourceTranslation.CulturesOf(Path.Combine(Root, "src", "CrmBlazor.Host", "Resources"), "SharedResource")];

    private ResourceTranslation Files => new(Path.Combine(_project, "Resources"), baseName);

    [Fact]
    public void CultureFiles_ForEveryLanguageTheHostIsTranslatedInto_Exist()
    {
        Assert.Equal(ResourceTranslation.CulturesOf(Path.Combine(Root, "src", "CrmBlazor.Host", "Resources"), "SharedResource"), Files.Cultures);
    }

    [Fact]
    public void Keys_NeverDifferOnlyInCase()
    {
        Assert.Empty(Files.KeysDifferingOnlyInCase());
    }

    [Theory]
    [MemberData(nameof(HostCultures), MemberType = typeof(PluginResourceTests))]
    public void Translation_EveryKey_ExistsInEnglish(string culture)
    {
        Assert.Empty(Files.StaleKeys(culture));
    }

    [Theory]
    [MemberData(nameof(HostCultures), MemberType = typeof(PluginResourceTests))]
    public void Translation_EveryEnglishKey_IsTranslated(string culture)
    {
        Assert.Empty(Files.UntranslatedKeys(culture));
    }

    [Theory]
    [MemberData(nameof(HostCultures), MemberType = typeof(PluginResourceTests))]
    public void Translation_EveryText_KeepsTheEnglishPlaceholders(string culture)
    {
        Assert.Empty(Files.WrongPlaceholders(culture));
    }

    [Fact]
    public void TextsShownToUsers_InEverySourceFile_AllHaveAResource()
    {
        var missing = Sources()
            .SelectMany(file => TextsIn(File.ReadAllText(file)).Where(text => !HasResource(text)).Select(text => $"{Path.GetRelativePath(_project, file)}: {text}"))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TextsShownToUsers_AcrossThePlugin_AreFound()
    {
        var texts = Sources().SelectMany(file => TextsIn(File.ReadAllText(file))).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(textsItShows);
        Assert.All(textsItShows, text => Assert.Contains(text, texts));
    }

    [Fact]
    public void TextsShownThroughANonLiteralKey_AreEachDeclaredWithTheirValues()
    {
        var undeclared = Sources()
            .SelectMany(file => NonLiteralKeys(File.ReadAllText(file))
                .Where(expression => !DynamicTexts.Any(d => Regex.IsMatch(expression, "^(?:" + d.Expression + ")$")))
                .Select(expression => $"{Path.GetRelativePath(_project, file)}: L[{expression}]"))
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void TextsShownThroughANonLiteralKey_AllHaveAResource()
    {
        var missing = DynamicTexts
            .SelectMany(d => d.Values.Where(text => !HasResource(text)).Select(text => $"L[{d.Expression}]: {text}"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.All(DynamicTexts, d => Assert.NotEmpty(d.Values));
        Assert.Empty(missing);
    }

    [Fact]
    public void SdkMessages_AllHaveAResource()
    {
        var missing = ResourceTranslation.SdkMessages.Where(message => !HasResource(message)).ToList();

        Assert.Empty(missing);
    }

    /// <summary>
    /// The texts the plugin shows through a key that is not a literal (<c>L[profile.Name]</c>,
    /// <c>L[ProjectStatuses.Title(status)]</c>): for each, the expression inside <c>L[…]</c> as a regular
    /// expression, and every value it can take, taken from the code or configuration that defines them. A
    /// non-literal key that no entry declares fails the tests, and so does a value without an English
    /// resource (which would show English in every language, since the translation tests only compare
    /// against the English file).
    /// </summary>
    protected virtual IEnumerable<DynamicText> DynamicTexts => [];

    /// <summary>The titles a <c>…Statuses</c> class returns for every value of every enum its public static one-argument methods take.</summary>
    /// <param name="statuses">The static class (<c>typeof(ProjectStatuses)</c>).</param>
    protected static IEnumerable<string> TitlesOf(Type statuses) =>
        statuses.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(string) && m.GetParameters() is [{ ParameterType.IsEnum: true }])
            .SelectMany(m => Enum.GetValues(m.GetParameters()[0].ParameterType).Cast<object>().Select(v => (string)m.Invoke(null, [v])!))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Whether the English resources have an entry for a text.</summary>
    /// <param name="text">The English text.</param>
    protected bool HasResource(string text) => Files.English.ContainsKey(text);

    private static IEnumerable<string> TextsIn(string source) =>
        Localized().Matches(source).Concat(Problem().Matches(source)).Concat(ErrorMessage().Matches(source))
            .Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal));

    private static IEnumerable<string> NonLiteralKeys(string source) =>
        NonLiteralKey().Matches(string.Join('\n', source.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))))
            .Select(m => m.Groups[1].Value.Trim());

    private IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(_project, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj", StringComparison.Ordinal) && !f.Contains("/bin", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal));

    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex Localized();

    // L[ followed by anything but a string literal, up to the matching ] (one level of nested brackets).
    [GeneratedRegex(@"\bL\[(?!\s*(?:""|@""))((?:[^\[\]]|\[[^\[\]]*\])+)\]")]
    private static partial Regex NonLiteralKey();

    [GeneratedRegex(@"new Problem\(""((?:[^""\\]|\\.)+)""")]
    private static partial Regex Problem();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)+)""")]
    private static partial Regex ErrorMessage();
}

/// <summary>Texts shown through a non-literal key: the expression inside <c>L[…]</c> (a regular expression) and the values it can take.</summary>
/// <param name="Expression">The expression, as a regular expression matched against the whole of it (<c>profile\.Name</c>).</param>
/// <param name="Values">Every English text it can be.</param>
public sealed record DynamicText(string Expression, IEnumerable<string> Values);
