using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Invoicing.Tests.Resources;

/// <summary>
/// Each translation of <c>InvoicingResources.resx</c> covers every English text, has no text the
/// English file no longer has, and keeps the English text's format placeholders; and the plugin is
/// translated into every language the host is, so that a Tamil user never meets an English
/// invoice page inside a Tamil CRM. When a key test fails after
/// <c>python3 tools/sync-plugin-resources.py plugins/Invoicing InvoicingResources</c>, translate the new
/// texts in every culture file.
/// </summary>
public sealed class InvoicingResourcesTranslationTests
{
    private static readonly string Root = ResourceTranslation.RepositoryRoot();

    private static readonly ResourceTranslation Files = new(Path.Combine(Root, "plugins", "Invoicing", "Resources"), "InvoicingResources");

    public static TheoryData<string> Cultures => [.. Files.Cultures];

    [Fact]
    public void CultureFiles_ForEveryLanguageTheHostIsTranslatedInto_Exist()
    {
        var host = ResourceTranslation.CulturesOf(Path.Combine(Root, "src", "CrmBlazor.Host", "Resources"), "SharedResource");

        Assert.Equal(host, Files.Cultures);
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
        Assert.Equal(["{0}", "{1:d}", "{2}"], ResourceTranslation.Placeholders("The time of {0} on {1:d} ({2})"));
        Assert.NotEqual(ResourceTranslation.Placeholders("{0:d}"), ResourceTranslation.Placeholders("{0:D}"));
        Assert.NotEqual(ResourceTranslation.Placeholders("{0} h, {1} h"), ResourceTranslation.Placeholders("{0} h"));
        Assert.Empty(ResourceTranslation.Placeholders("\"1,14,30\""));
        Assert.Equal(["{all_items}", "{first_item}", "{last_item}"], ResourceTranslation.Placeholders("{first_item}-{last_item} of {all_items}"));
    }
}
