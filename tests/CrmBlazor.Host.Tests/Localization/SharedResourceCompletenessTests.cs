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
            .Concat(["Created", "Updated", "Deleted"])
            .Concat(Enum.GetNames<CrmBlazor.Host.Features.Customers.CustomerKind>())
            .Concat(CrmBlazor.Sdk.Messaging.MessageTemplateDefinition.StandardFields.Select(f => f.Title))
            .Concat([CrmBlazor.Host.Features.Messages.CampaignTemplate.UnsubscribeLink.Title]);

        var missing = names.Where(n => !ResourceKeys.Value.Contains(n)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void NonLiteralLocalizerKeys_AcrossTheHost_AreEachDeclared()
    {
        var undeclared = HostSourceFiles()
            .SelectMany(file => NonLiteralKeysIn(File.ReadAllText(file))
                .Where(expression => !NonLiteralKeys.Any(k => Regex.IsMatch(expression, "^(?:" + k.Expression + ")$")))
                .Select(expression => $"{Path.GetRelativePath(RepositoryFiles.HostProject, file)}: L[{expression}]"))
            .ToList();

        Assert.Empty(undeclared);
    }

    [Fact]
    public void NonLiteralKeysIn_RazorAndCode_FindsExpressionsOnly()
    {
        var keys = NonLiteralKeysIn("""
            <MudText>@L["Customers"]</MudText> @L[profile.Name] @L[Title(run.Status)] @L[$"Step {n}"]
            var title = L["Say \"hello\""].Value + L["{0} customers", count] + URL[variable];
            // L[commented.Out]
            """);

        Assert.Equal(["profile.Name", "Title(run.Status)", "$\"Step {n}\""], keys);
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

    // Every L[...] of the host whose key is not a literal, and the test that checks every value it can take
    // has a resource. A new one fails NonLiteralLocalizerKeys_AcrossTheHost_AreEachDeclared until it is
    // declared here and its values are checked, so that no text reaches the screen in English only.
    private static readonly (string Expression, string CheckedBy)[] NonLiteralKeys =
    [
        (@"r|role|requirement\.Role", "NamesLookedUpAtRunTime_AllHaveAResource: CrmRoles.All"),
        (@"group\.Key", "NamesLookedUpAtRunTime_AllHaveAResource: MenuGroups.All"),
        (@"PluginStateNames\.Of\([\w.]+\)", "NamesLookedUpAtRunTime_AllHaveAResource: every PluginState"),
        (@"InteractionText\.Channel\([\w.]+\)", "NamesLookedUpAtRunTime_AllHaveAResource: every InteractionChannel"),
        (@"direction\.ToString\(\)", "NamesLookedUpAtRunTime_AllHaveAResource: every InteractionDirection"),
        (@"_customer\.Kind\.ToString\(\)", "NamesLookedUpAtRunTime_AllHaveAResource: every CustomerKind"),
        (@"AuditLabels\.Entity\([\w.]+\)|context\.Item\.Action|change\.Label", "NamesLookedUpAtRunTime_AllHaveAResource: AuditLabels.All, Created, Updated, Deleted"),
        (@"field\.Title", "NamesLookedUpAtRunTime_AllHaveAResource: the standard merge fields and the unsubscribe link"),
        (@"SegmentText\.Operator\(.+\)|choice|rule\.Value", "SegmentTextResourceTests: the comparisons and the core fields' choices"),
        (@"english(?:, arguments)?", "CrmMudLocalizerTests: MudBlazor's texts mapped to the host's"),
        (@"m|error", "LocalizerKeys_InEachSourceFile_AllHaveAResource: messages the server returned (new Problem(\"...\"), validation)"),
        (@"detail, arguments", "LocalizerKeys_InEachSourceFile_AllHaveAResource: the API's problem details are messages the server returned (new Problem(\"...\"), validation) and ApiEndpoints.RetryMessage, each a resource"),
    ];

    private static List<string> NonLiteralKeysIn(string source) =>
        [.. NonLiteralKey().Matches(string.Join('\n', source.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))))
            .Select(m => m.Groups[1].Value.Trim())];

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

    // L[ followed by anything but a string literal (an expression, an interpolated string), up to the
    // matching ] (one level of nested brackets).
    [GeneratedRegex(@"(?<!\w)L\[(?!\s*(?:""|@""))((?:[^\[\]]|\[[^\[\]]*\])+)\]")]
    private static partial Regex NonLiteralKey();

    // Messages of refused changes, shown through ChangeResultAlert (new Problem("...")).
    [GeneratedRegex(@"new Problem\(""(?<key>(?:[^""\\]|\\.)+)""")]
    private static partial Regex ProblemText();
}
