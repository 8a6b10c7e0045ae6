using System.Xml.Linq;

namespace Acme.Tickets.Tests;

/// <summary>Every text is translated into every language of the CRM's UI, with the same placeholders.</summary>
public sealed class ResourcesTests
{
    public static TheoryData<string> Languages => new() { "ta", "kn", "gu", "ur", "ka" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_OfEveryText_ArePresentWithTheirPlaceholders(string language)
    {
        var english = Texts("TicketsResources.resx");
        var translated = Texts($"TicketsResources.{language}.resx");

        Assert.Equal(english.Keys.Order(), translated.Keys.Order());
        Assert.All(english.Keys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(translated[key]), $"'{key}' has no {language} text.");
            Assert.Equal(Placeholders(key), Placeholders(translated[key]));
        });
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(TestPaths.ResourcesDirectory, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    private static string[] Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order()];
}
