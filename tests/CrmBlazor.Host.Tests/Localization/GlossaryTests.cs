using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBlazor.Host.Tests.Builders;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// Every translated text of the host and of each plugin under <c>plugins/</c> uses the term
/// <c>docs/glossary.md</c> chooses for each concept its English text names, and none of the terms the
/// glossary rules out for it (Tamil கடன் for a credit note, Georgian პროექტი for a draft), except for the
/// keys the glossary lists under Exceptions with a reason. When a test fails, correct the translation,
/// or, if the text rightly says something else, add the key to the glossary's exceptions.
/// </summary>
public sealed partial class GlossaryTests
{
    private static readonly Lazy<Glossary> Terms = new(() => Glossary.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docs", "glossary.md"))));

    private static readonly string[] CoreConcepts = ["customer", "draft", "issue (a document)", "invoice", "credit note", "time entry", "project", "state / status", "account manager", "overdue"];

    public static TheoryData<string> Cultures => ["gu", "ka", "kn", "ta", "ur"];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Glossary_CoversTheLanguage_WithTheCoreConcepts(string culture)
    {
        var concepts = Terms.Value.Entries.Where(e => e.Culture == culture).Select(e => e.Concept).ToList();

        Assert.Empty(CoreConcepts.Except(concepts));
        Assert.All(Terms.Value.Entries.Where(e => e.Culture == culture), e => Assert.NotEmpty(e.Forms));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Resources_OfTheHostAndEveryPlugin_UseTheGlossaryTerms(string culture)
    {
        var problems = ResourceFiles(culture)
            .SelectMany(file => Terms.Value.Check(culture, Path.GetFileName(file.Path).Split('.')[0], file.Texts))
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Exceptions_AllNameAKeyThatExists()
    {
        var keys = Terms.Value.Exceptions.Where(e => !ResourceFiles(e.Culture).Any(f => Path.GetFileName(f.Path).StartsWith(e.Resources + ".", StringComparison.Ordinal) && f.Texts.ContainsKey(e.Key)))
            .Select(e => $"{e.Culture} {e.Resources}: {e.Key}")
            .ToList();

        Assert.NotEmpty(Terms.Value.Exceptions);
        Assert.Empty(keys);
    }

    [Fact]
    public void Check_ATermTheGlossaryRulesOut_Fails()
    {
        var texts = new Dictionary<string, string>
        {
            ["Issue credit note"] = "கடன் குறிப்பை வழங்கு",
            ["Credit note issued"] = "வரவுக் குறிப்பு வழங்கப்பட்டது",
        };

        var problems = Terms.Value.Check("ta", "InvoicingResources", texts);

        Assert.Equal(["ta InvoicingResources: \"Issue credit note\" (credit note) has கடன், which the glossary rules out: கடன் குறிப்பை வழங்கு", "ta InvoicingResources: \"Issue credit note\" (credit note) lacks வரவுக் குறிப்ப: கடன் குறிப்பை வழங்கு"], problems.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_ADraftCalledAProject_FailsUnlessTheTextIsAlsoAboutAProject()
    {
        var texts = new Dictionary<string, string>
        {
            ["On a draft invoice"] = "ინვოისის პროექტშია",
            ["The project's draft invoice"] = "პროექტის ინვოისის მონახაზი",
        };

        var problems = Terms.Value.Check("ka", "ProjectsResources", texts);

        Assert.Contains(problems, p => p.Contains("\"On a draft invoice\" (draft) has პროექტ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("\"On a draft invoice\" (draft) lacks", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Check_AConceptNamedOnlyInsideAnotherWord_IsNotThatConcept()
    {
        var texts = new Dictionary<string, string> { ["The folder has no plugin.json."] = "கோப்புறையில் plugin.json இல்லை." };

        Assert.Empty(Terms.Value.Check("ta", "SharedResource", texts));
    }

    [Fact]
    public void Check_AKeyListedAsAnException_IsLeftAlone()
    {
        var texts = new Dictionary<string, string> { ["State or region"] = "மாநிலம் அல்லது பகுதி" };

        Assert.Empty(Terms.Value.Check("ta", "SharedResource", texts));
        Assert.NotEmpty(Terms.Value.Check("ta", "InvoicingResources", texts));
    }

    private static IEnumerable<(string Path, Dictionary<string, string> Texts)> ResourceFiles(string culture) =>
        new[] { Path.Combine(RepositoryFiles.HostProject, "Resources", $"SharedResource.{culture}.resx") }
            .Concat(Directory.EnumerateDirectories(Path.Combine(RepositoryFiles.Root, "plugins"))
                .Select(plugin => Path.Combine(plugin, "Resources"))
                .Where(Directory.Exists)
                .SelectMany(folder => Directory.EnumerateFiles(folder, $"*.{culture}.resx")))
            .Select(path => (path, XDocument.Load(path).Root!.Elements("data")
                .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal)));

    private sealed record Entry(string Culture, string Concept, Regex English, IReadOnlyList<string> Forms, IReadOnlyList<string> Not);

    private sealed record KeyException(string Culture, string Resources, string Key, string Concept);

    private sealed partial record Glossary(IReadOnlyList<Entry> Entries, IReadOnlyList<KeyException> Exceptions)
    {
        public static Glossary Parse(string markdown)
        {
            var entries = new List<Entry>();
            var exceptions = new List<KeyException>();
            string? culture = null;
            var inExceptions = false;
            foreach (var line in markdown.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                if (line.StartsWith("## ", StringComparison.Ordinal))
                {
                    var heading = LanguageHeading().Match(line);
                    culture = heading.Success ? heading.Groups[1].Value : null;
                    inExceptions = line.StartsWith("## Exceptions", StringComparison.Ordinal);
                    continue;
                }

                if (!line.StartsWith('|') || line.StartsWith("|---", StringComparison.Ordinal))
                {
                    continue;
                }

                var cells = CellSeparator().Split(line.Trim())[1..^1].Select(c => c.Trim()).ToArray();
                if (culture is not null && cells.Length == 6 && cells[0] != "concept")
                {
                    var english = Ticked(cells[1]);
                    entries.Add(new Entry(culture, cells[0], new Regex(@"(?<![\w-])(?:" + string.Join('|', english) + @")(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), Ticked(cells[3]), Ticked(cells[4])));
                }
                else if (inExceptions && cells.Length == 5 && cells[0] != "language")
                {
                    exceptions.Add(new KeyException(cells[0], cells[1].Trim('`'), cells[2].Trim('`'), cells[3]));
                }
            }

            return new Glossary(entries, exceptions);
        }

        /// <summary>What is wrong with a culture's texts (by English key) of one resource file.</summary>
        public List<string> Check(string culture, string resources, IReadOnlyDictionary<string, string> texts)
        {
            var entries = Entries.Where(e => e.Culture == culture).ToList();
            var problems = new List<string>();
            foreach (var (key, text) in texts)
            {
                foreach (var entry in entries.Where(e => e.English.IsMatch(key)))
                {
                    if (Exceptions.Any(x => x.Culture == culture && x.Resources == resources && x.Key == key && x.Concept == entry.Concept))
                    {
                        continue;
                    }

                    if (!entry.Forms.Any(f => text.Contains(f, StringComparison.Ordinal)))
                    {
                        problems.Add($"{culture} {resources}: \"{key}\" ({entry.Concept}) lacks {string.Join(" or ", entry.Forms)}: {text}");
                    }

                    // A ruled-out word is right when the text is also about the concept whose term it is.
                    foreach (var word in entry.Not.Where(w => text.Contains(w, StringComparison.Ordinal)
                        && !entries.Any(o => o != entry && o.English.IsMatch(key) && o.Forms.Any(f => f.Contains(w, StringComparison.Ordinal)))))
                    {
                        problems.Add($"{culture} {resources}: \"{key}\" ({entry.Concept}) has {word}, which the glossary rules out: {text}");
                    }
                }
            }

            return problems;
        }

        private static List<string> Ticked(string cell) => [.. Backticked().Matches(cell).Select(m => m.Groups[1].Value)];

        [GeneratedRegex(@"^## .*\((\w\w)\)$")]
        private static partial Regex LanguageHeading();

        [GeneratedRegex(@"(?<!\\)\|")]
        private static partial Regex CellSeparator();

        [GeneratedRegex("`([^`]+)`")]
        private static partial Regex Backticked();
    }
}
