using AngleSharp.Dom;
using Bunit;
using CrmBlazor.Host.Components.Layout;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Host.Tests.Components.Layout;

public sealed class NavMenuTests : ComponentTestContext
{
    public NavMenuTests()
    {
        // The core's real menu plus a plugin with entries in two groups, registered out of menu order.
        var catalog = new CatalogBuilder()
            .WithCoreModule()
            .WithPlugin("projects", plugin => plugin
                .AddMenuItem(new MenuItem("Utilisation report", "/projects/utilisation.pdf", Group: MenuGroups.Insights) { FullPageLoad = true })
                .AddMenuItem(new MenuItem("Timesheets", "/projects/time", Permission: "projects.time", Order: 20))
                .AddMenuItem(new MenuItem("Projects", "/projects", Permission: "projects.view", Order: 10)))
            .WithRefusedPlugin("surveys", Host.Plugins.PluginState.Disabled, plugin => plugin
                .AddMenuItem(new MenuItem("Surveys", "/surveys")))
            .Build();
        Services.AddSingleton(catalog);
        Services.AddSingleton(Grants);
        User.SetAuthorized("ada@example.com");
    }

    // The grants' cache, only told of changes here: bUnit's authorization decides who holds what.
    private PermissionGrants Grants { get; } = new(new NoGrantReads(), TimeProvider.System);

    [Fact]
    public void Entries_UserHoldingSomePermissions_SeesOnlyThoseAndTheUnrestricted()
    {
        User.SetPolicies(CorePermissions.ViewCustomers, "projects.view");

        var menu = Render<NavMenu>();

        Assert.Equal(["/", "/customers", "/segments", "/projects", "/projects/utilisation.pdf"], Hrefs(menu));
    }

    [Fact]
    public void Entries_UserWithoutPermissions_SeesOnlyTheUnrestricted()
    {
        var menu = Render<NavMenu>();

        Assert.Equal(["/", "/projects/utilisation.pdf"], Hrefs(menu));
    }

    [Fact]
    public void Groups_Administrator_ComeInMenuGroupsOrderWithEntriesByOrder()
    {
        User.SetPolicies(CorePermissions.ViewCustomers, CorePermissions.Administration, "projects.view", "projects.time");

        var menu = Render<NavMenu>();

        Assert.Equal(["Customers", "Work", "Insights", "Administration"], menu.FindAll(".mud-typography-overline").Select(h => h.TextContent.Trim()));
        Assert.Equal(
            ["Dashboard", "Customers", "Segments", "Projects", "Timesheets", "Utilisation report", "Plugins", "Background jobs", "Security log"],
            menu.FindAll("a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void Entries_FullPageLoad_OpenWithTargetTopAndOthersDoNot()
    {
        User.SetPolicies(CorePermissions.Administration, "projects.view");

        var menu = Render<NavMenu>();

        Assert.Equal(["/projects/utilisation.pdf", "/jobs"], menu.FindAll("a[target=_top]").Select(a => a.GetAttribute("href")));
        Assert.Null(Link(menu, "/projects").GetAttribute("target"));
    }

    [Fact]
    public void Entries_PluginNotLoaded_AreNeverShown()
    {
        User.SetPolicies(CorePermissions.Administration);

        var menu = Render<NavMenu>();

        Assert.DoesNotContain("/surveys", Hrefs(menu));
    }

    [Fact]
    public void Entries_AuthenticationStateChangedWithNewRoles_AreWorkedOutAgainOnTheOpenPage()
    {
        var menu = Render<NavMenu>();
        Assert.DoesNotContain("/customers", Hrefs(menu));
        User.SetPolicies(CorePermissions.ViewCustomers);

        // As the revalidating provider does when an administrator changed the user's roles.
        User.SetAuthorized("ada@example.com");

        menu.WaitForAssertion(() => Assert.Contains("/customers", Hrefs(menu)));
    }

    [Fact]
    public void Entries_GrantsChanged_AreWorkedOutAgainOnTheOpenPage()
    {
        var menu = Render<NavMenu>();
        Assert.DoesNotContain("/customers", Hrefs(menu));
        User.SetPolicies(CorePermissions.ViewCustomers);

        Grants.Invalidate();

        menu.WaitForAssertion(() => Assert.Contains("/customers", Hrefs(menu)));
    }

    private static List<string?> Hrefs(IRenderedComponent<NavMenu> menu) => [.. menu.FindAll("a").Select(a => a.GetAttribute("href"))];

    private static IElement Link(IRenderedComponent<NavMenu> menu, string href) => menu.Find($"a[href='{href}']");

    /// <summary>No database: the menu tests must not read grants (bUnit's authorization answers instead).</summary>
    private sealed class NoGrantReads : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => throw new InvalidOperationException("The menu read the grants from a database.");
    }
}
