using System.Reflection;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// The list the accessibility tests walk (<see cref="RoutablePages"/>) keeps up with the pages: a page of the core
/// or of a first-party plugin that is neither listed nor checked by a test of its own fails here, so a new page
/// cannot escape axe by being forgotten.
/// </summary>
public sealed partial class RoutablePagesTests
{
    // Where the core's and the first-party plugins' components are (the template's and the test fixtures' are not walked).
    private static readonly string[] SourceFolders = ["src", "plugins"];

    // Pages a walk cannot open as they are meant to be seen, each checked by the test named.
    private static readonly Dictionary<string, string> CheckedElsewhere = new(StringComparer.Ordinal)
    {
        ["/not-found"] = "the router's page for an unknown address, walked at /no-such-page",
        ["/account/invitation"] = "needs an invitation link: Users/NewColleagueTests",
        ["/account/two-factor"] = "opening it makes a new authenticator key: Users/NewColleagueTests",
        ["/account/login/two-factor"] = "follows the password of an account with two-factor sign-in: Users/NewColleagueTests",
        ["/messages/sends/{Id:long}"] = "a send's progress, which exists once a send started: Sends/CampaignTests",
        ["/messages/sent/{Id:long}"] = "a message sent to a customer, opened from its timeline: Sends/CampaignTests",
        ["/admin/webhooks/{Id:long}"] = "a subscription with its delivery log, which exists once an administrator subscribed a receiver: Administration/WebhookTests",
    };

    [Fact]
    public void EveryPageOfTheCoreAndThePlugins_IsWalkedOrCheckedByATestOfItsOwn()
    {
        var routes = Routes();
        Assert.Contains("/customers/{Id:long}", routes);
        Assert.Contains("/invoices/runs", routes);
        var records = new SampleRecords(new Dictionary<string, Credentials>(), 1, 2, 3, 4, 5, new DateOnly(2026, 11, 1), Guid.Empty, 6, 7, 8);
        var walked = RoutablePages.Public.Concat(RoutablePages.SignedIn(records).Select(page => page.Address))
            .Select(address => address.Split('?')[0])
            .ToList();

        var forgotten = routes.Where(route => !CheckedElsewhere.ContainsKey(route) && !walked.Any(address => Pattern(route).IsMatch(address))).ToList();

        Assert.True(forgotten.Count == 0,
            $"Not in RoutablePages.cs (add them there, or to {nameof(CheckedElsewhere)} with the test that checks them): {string.Join(", ", forgotten)}");
    }

    // The @page routes of the host's and the plugins' components, read from their sources.
    private static List<string> Routes()
    {
        var root = typeof(RoutablePagesTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CrmRoot").Value!;
        return [.. SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.razor", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => PageDirective().Matches(File.ReadAllText(file)).Select(match => match.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    // "/projects/{Id:long}/edit" → ^/projects/[^/]+/edit$
    private static Regex Pattern(string route) =>
        new("^" + string.Join("/", route.Split('/').Select(part => part.StartsWith('{') ? "[^/]+" : Regex.Escape(part))) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("""^@page "([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();
}
