using System.Text.RegularExpressions;
using System.Xml.Linq;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Audit;
using CrmBlazor.Host.Features.Interactions;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;

namespace CrmBlazor.Host.Tests.Localization;

/// <summary>
/// English text is the resource key, so a missing entry shows English in every language without
/// anyone noticing. These tests read the host's sources and its resource file; when one fails, run
/// <c>python3 tools/sync-resources.py</c> and commit the regenerated <c>SharedResource.resx</c>.
/// </summary>
public sealed partial class SharedResourceCompletenessTests
{
    private static readonly Lazy<HashSet<string>> ResourceKeys = new(ReadResourceKeys);

    public static TheoryData<string> SourceFiles => [.. HostSourceFiles().Select(f => Path.GetRelativePath(RepositoryFiles.HostProject, f))];

    [Theory]
    [MemberData(nameof(SourceFiles))]
    public void LocalizerKeys_InEachSourceFile_AllHaveAResource(string file)
    {
        var keys = LocalizerKeysIn(File.ReadAllText(Path.Combine(RepositoryFiles.HostProject, file)));
        var missing = keys.Where(k => !ResourceKeys.Value.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void LocalizerKeys_AcrossTheHost_AreFound()
    {
        // Guards the test itself: a broken pattern or path would make every file look complete.
        var keys = HostSourceFiles().SelectMany(f => LocalizerKeysIn(File.ReadAllText(f))).ToHashSet();

        Assert.Contains("Sign out", keys);
        Assert.Contains("Try again", keys);
        Assert.Contains("Only complaints and inquiries can be resolved.", keys);
    }

    [Fact]
    public void CoreRegistrationTitles_AllHaveAResource()
    {
        var catalog = new CatalogBuilder().WithCoreModule().Build();
        var titles = catalog.Core.MenuItems.Select(m => m.Title)
            .Concat(catalog.Core.CustomerTabs.Select(t => t.Title))
            .Concat(catalog.Core.DashboardWidgets.Select(w => w.Title))
            .Concat(catalog.Core.Permissions.Select(p => p.DisplayName));

        var missing = titles.Where(t => !ResourceKeys.Value.Contains(t)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void SdkMessages_AllHaveAResource()
    {
        var missing = CrmBlazor.Testing.Resources.ResourceTranslation.SdkMessages.Where(m => !ResourceKeys.Value.Contains(m)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void NamesLookedUpAtRunTime_AllHaveAResource()
    {
        var names = MenuGroups.All
            .Concat(CrmRoles.All)
            .Concat(Enum.GetValues<PluginState>().Select(PluginStateNames.Of))
            .Concat(Enum.GetValues<InteractionChannel>().Select(InteractionText.Channel))
            .Concat(Enum.GetValues<InteractionDirection>().Select(d => d.ToString()))
            .Concat(AuditLabels.All)
            .Concat(["Created", "Updated", "Deleted"]);

        var missing = names.Where(n => !ResourceKeys.Value.Contains(n)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void LocalizerKeysIn_RazorAndCode_FindsLiteralKeysOnly()
    {
        var keys = LocalizerKeysIn("""
            <MudText>@L["Customers"]</MudText>
            var title = L["Say \"hello\""].Value + L["{0} customers", count];
            var ignored = L[variable] + URL["not-a-key"];
            """);

        Assert.Equal(["Customers", "Say \"hello\"", "{0} customers"], keys);
    }

    private static IEnumerable<string> HostSourceFiles() =>
        Directory.EnumerateFiles(RepositoryFiles.HostProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(RepositoryFiles.HostProject, f)))
            .Order(StringComparer.Ordinal);

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    private static List<string> LocalizerKeysIn(string source) =>
        [.. LocalizerKey().Matches(source).Concat(ProblemText().Matches(source)).Select(m => m.Groups["key"].Value.Replace("\\\"", "\"", StringComparison.Ordinal))];

    private static HashSet<string> ReadResourceKeys()
    {
        var resx = XDocument.Load(Path.Combine(RepositoryFiles.HostProject, "Resources", "SharedResource.resx"));
        return resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }

    // L["..."] as written in components and code-behind (the same pattern tools/sync-resources.py uses),
    // not preceded by a letter so that URL["x"] or HTML["x"] are not taken for the localizer.
    [GeneratedRegex(@"(?<!\w)L\[""(?<key>(?:[^""\\]|\\.)+)""")]
    private static partial Regex LocalizerKey();

    // Messages of refused changes, shown through ChangeResultAlert (new Problem("...")).
    [GeneratedRegex(@"new Problem\(""(?<key>(?:[^""\\]|\\.)+)""")]
    private static partial Regex ProblemText();
}
