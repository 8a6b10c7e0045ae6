using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// A number written into a text ("at most 1,000,000", "e.g. 7.5 or 7:30") is written in each translation
/// the way the user's culture writes it, as the numbers the pages format are: Georgian 1 000 000 and
/// 7,5, Tamil, Kannada and Gujarati 10,00,000 (lakh grouping), so that the example a message gives is
/// what the field accepts and what the page shows next to it. The host's and every plugin's resources.
/// </summary>
public sealed partial class NumbersInTextsTests
{
    // Numbers that are not quantities: a version range and a setting's comma-separated value.
    private static readonly string[] NotQuantities = ["[1.0,2.0)", "\"80,100\""];

    public static TheoryData<string> Cultures => [.. CrmCultures.All.Select(c => c.Name).Where(n => !n.StartsWith("en", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void NumbersInTexts_AreWrittenAsTheCultureWritesThem(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        var wrong = new List<string>();
        foreach (var (english, translations) in ResourceFiles(culture.TwoLetterISOLanguageName))
        {
            foreach (var (key, text) in translations.Where(t => english.ContainsKey(t.Key)))
            {
                var missing = NumbersIn(key).Select(n => InCulture(n, culture)).Where(n => !text.Contains(n, StringComparison.Ordinal)).ToList();
                if (missing.Count > 0)
                {
                    wrong.Add($"{key} => {text} (expected {string.Join(", ", missing)})");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public void InCulture_WritesGroupedAndDecimalNumbersAsTheCultureDoes()
    {
        var georgian = CultureInfo.GetCultureInfo("ka-GE");
        var tamil = CultureInfo.GetCultureInfo("ta-IN");

        Assert.Equal(["1,000,000", "12.5", "1000"], NumbersIn("Between 1000 and 1,000,000; e.g. 12.5 or 7:30, in 2026."));
        Assert.Equal("1\u00a0000\u00a0000", InCulture("1,000,000", georgian));
        Assert.Equal("12,5", InCulture("12.5", georgian));
        Assert.Equal("1000", InCulture("1000", georgian));
        Assert.Equal("10,00,000", InCulture("1,000,000", tamil));
        Assert.Empty(NumbersIn("A version range such as \"[1.0,2.0)\"; thresholds e.g. \"80,100\"."));
    }

    /// <summary>The numbers of an English text that have a group or decimal separator (or sit beside one that has).</summary>
    private static List<string> NumbersIn(string english)
    {
        var text = NotQuantities.Aggregate(english, (t, n) => t.Replace(n, string.Empty, StringComparison.Ordinal));
        var numbers = Number().Matches(text).Select(m => m.Value).ToList();
        return numbers.Any(n => n.Contains(',', StringComparison.Ordinal) || n.Contains('.', StringComparison.Ordinal))
            ? [.. numbers.Where(n => n.Contains(',', StringComparison.Ordinal) || n.Contains('.', StringComparison.Ordinal)).Concat(numbers.Where(n => n.Length >= 4 && n.All(char.IsAsciiDigit) && !IsYear(n)))]
            : [];
    }

    private static bool IsYear(string number) => number.Length == 4 && number.StartsWith("20", StringComparison.Ordinal);

    /// <summary>An English number ("1,000,000", "7.5", "1000") as the culture writes it, grouped only if English groups it.</summary>
    private static string InCulture(string english, CultureInfo culture)
    {
        var decimals = english.Contains('.', StringComparison.Ordinal) ? english.Length - english.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
        var value = decimal.Parse(english, NumberStyles.Number, CultureInfo.InvariantCulture);
        return value.ToString((english.Contains(',', StringComparison.Ordinal) ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), culture);
    }

    private static IEnumerable<(Dictionary<string, string> English, Dictionary<string, string> Translations)> ResourceFiles(string language) =>
        new[] { Path.Combine(RepositoryFiles.HostProject, "Resources", "SharedResource.resx") }
            .Concat(Directory.EnumerateDirectories(Path.Combine(RepositoryFiles.Root, "plugins"))
                .Select(plugin => Path.Combine(plugin, "Resources"))
                .Where(Directory.Exists)
                .SelectMany(folder => Directory.EnumerateFiles(folder, "*.resx").Where(f => Path.GetFileName(f).Count(c => c == '.') == 1)))
            .Select(english => (Read(english), Read(Path.ChangeExtension(english, null) + "." + language + ".resx")));

    private static Dictionary<string, string> Read(string path) =>
        File.Exists(path)
            ? XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal)
            : [];

    // A number: digits with optional thousands groups and an optional decimal part, not inside a word,
    // a time (7:30) or a placeholder ({0}).
    [GeneratedRegex(@"(?<![\w.,:{])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,]\d)|(?<![\w.,:{])\d+(?:\.\d+)?(?![\w.:}]\d|\d|})")]
    private static partial Regex Number();
}
