using System.Globalization;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// Each translation of <c>SharedResource.resx</c> (<c>SharedResource.&lt;culture&gt;.resx</c>) covers
/// every English text, has no text the English file no longer has, and keeps the English text's
/// format placeholders, so that <c>L["{0} of {1} customers saved…", saved, total]</c> never throws
/// or shows the wrong number. When a key test fails after <c>python3 tools/sync-resources.py</c>
/// added or removed texts, translate the new texts in every culture file (docs/architecture.md,
/// Translations).
/// </summary>
public sealed class SharedResourceTranslationTests
{
    private static readonly ResourceTranslation Files = new(Path.Combine(RepositoryFiles.HostProject, "Resources"), "SharedResource");

    public static TheoryData<string> Cultures => [.. Files.Cultures];

    [Fact]
    public void CultureFiles_ForEverySupportedCultureThatIsNotEnglish_Exist()
    {
        var expected = CrmCultures.All.Select(c => CultureInfo.GetCultureInfo(c.Name))
            .Where(c => c.TwoLetterISOLanguageName != "en")
            .Select(c => c.TwoLetterISOLanguageName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Files.Cultures);
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Translation_EveryKey_ExistsInEnglish(string culture)
    {
        Assert.Empty(Files.StaleKeys(culture));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Translation_EveryEnglishKey_IsTranslated(string culture)
    {
        Assert.Empty(Files.UntranslatedKeys(culture));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Translation_EveryText_KeepsTheEnglishPlaceholders(string culture)
    {
        Assert.Empty(Files.WrongPlaceholders(culture));
    }

    [Fact]
    public void Placeholders_OfAText_AreTheFormatItemsInAnyOrderWithTheirFormats()
    {
        Assert.Equal(["{0:N1}", "{1}"], ResourceTranslation.Placeholders("{1} MB; the file is {0:N1} MB"));
        Assert.NotEqual(ResourceTranslation.Placeholders("{0} of {1}"), ResourceTranslation.Placeholders("{0} of {0}"));
        Assert.NotEqual(ResourceTranslation.Placeholders("{0:N1} MB"), ResourceTranslation.Placeholders("{0} MB"));
        Assert.Empty(ResourceTranslation.Placeholders("Refreshing… 50%"));
        Assert.Equal(["{all_items}", "{first_item}", "{last_item}"], ResourceTranslation.Placeholders("{first_item}-{last_item} of {all_items}"));
    }
}
