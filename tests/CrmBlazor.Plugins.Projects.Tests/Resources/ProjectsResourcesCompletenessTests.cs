using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CrmBlazor.Plugins.Projects.Tests.Resources;

/// <summary>
/// English text is the resource key, so a missing entry would show English in every language without
/// anyone noticing. When a test fails, run <c>python3 tools/sync-plugin-resources.py plugins/Projects ProjectsResources</c>.
/// </summary>
public sealed partial class ProjectsResourcesCompletenessTests
{
    private static readonly string Project = Path.Combine(CrmBlazor.Testing.Resources.ResourceTranslation.RepositoryRoot(), "plugins", "Projects");

    private static readonly Lazy<HashSet<string>> Keys = new(() =>
        [.. XDocument.Load(Path.Combine(Project, "Resources", "ProjectsResources.resx")).Root!.Elements("data").Select(d => (string)d.Attribute("name")!)]);

    public static TheoryData<string> SourceFiles => [.. Sources().Select(f => Path.GetRelativePath(Project, f))];

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void TextsShownToUsers_InEachSourceFile_AllHaveAResource(string file)
    {
        var missing = TextsIn(File.ReadAllText(Path.Combine(Project, file))).Where(t => !Keys.Value.Contains(t)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void TextsShownToUsers_AcrossThePlugin_AreFound()
    {
        // Guards the test itself: a broken pattern or path would make every file look complete.
        var texts = Sources().SelectMany(f => TextsIn(File.ReadAllText(f))).ToHashSet();

        Assert.Contains("My time", texts);
        Assert.Contains("Hours cannot be negative.", texts);
        Assert.Contains("Enter the project's name.", texts);
    }

    [Fact]
    public void SdkMessages_AllHaveAResource()
    {
        var missing = CrmBlazor.Testing.Resources.ResourceTranslation.SdkMessages.Where(m => !Keys.Value.Contains(m)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void StatusAndBillingNames_AllHaveAResource()
    {
        var names = Enum.GetValues<CrmBlazor.Sdk.Projects.ProjectStatus>().Select(CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses.Title)
            .Concat(Enum.GetValues<CrmBlazor.Sdk.Projects.BillingMode>().Select(CrmBlazor.Plugins.Projects.Features.Projects.ProjectStatuses.Title));

        var missing = names.Where(n => !Keys.Value.Contains(n)).ToList();

        Assert.Empty(missing);
    }

    private static IEnumerable<string> TextsIn(string source) =>
        Localized().Matches(source).Concat(Problem().Matches(source)).Concat(ErrorMessage().Matches(source))
            .Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal));

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Project, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj", StringComparison.Ordinal) && !f.Contains("/bin", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal));


    [GeneratedRegex(@"\bL\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex Localized();

    [GeneratedRegex(@"new Problem\(""((?:[^""\\]|\\.)+)""")]
    private static partial Regex Problem();

    [GeneratedRegex(@"ErrorMessage\s*=\s*""((?:[^""\\]|\\.)+)""")]
    private static partial Regex ErrorMessage();
}
