using CrmBlazor.Host.Features;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Navigation;

namespace CrmBlazor.Host.Tests.Plugins;

public sealed class PluginCatalogTests
{
    [Fact]
    public void MarkFailed_LoadedPlugin_WithdrawsItWithTheError()
    {
        var catalog = new CatalogBuilder().WithPlugin("projects").Build();

        var withdrawn = catalog.MarkFailed("projects", "Migration 20260101_Initial failed.");

        Assert.Equal(["projects"], withdrawn);
        var projects = catalog.Find("projects")!;
        Assert.Equal(PluginState.Failed, projects.State);
        Assert.Equal("Migration 20260101_Initial failed.", projects.Error);
        Assert.Empty(catalog.Loaded);
    }

    [Fact]
    public void MarkFailed_PluginWithDependentsOfDependents_WithdrawsThemAllTransitively()
    {
        var catalog = new CatalogBuilder()
            .WithPlugin("ledger")
            .WithPlugin("projects", dependsOn: "ledger")
            .WithPlugin("invoicing", dependsOn: "projects")
            .WithPlugin("surveys")
            .Build();

        var withdrawn = catalog.MarkFailed("ledger", "Initializer threw.");

        Assert.Equal(["ledger", "projects", "invoicing"], withdrawn);
        Assert.Equal(["surveys"], catalog.Loaded.Select(p => p.Id));
        Assert.Equal(PluginState.MissingDependency, catalog.Find("invoicing")!.State);
        Assert.Equal("Depends on 'projects', which failed to start.", catalog.Find("invoicing")!.Error);
        Assert.Equal("Depends on 'ledger', which failed to start.", catalog.Find("projects")!.Error);
    }

    [Fact]
    public void MarkFailed_PluginNotLoaded_WithdrawsNothingAndKeepsItsState()
    {
        var catalog = new CatalogBuilder().WithRefusedPlugin("surveys", PluginState.Disabled).Build();

        var withdrawn = catalog.MarkFailed("surveys", "Initializer threw.");

        Assert.Empty(withdrawn);
        Assert.Equal(PluginState.Disabled, catalog.Find("surveys")!.State);
    }

    [Fact]
    public void MarkFailed_UnknownPlugin_WithdrawsNothing()
    {
        var catalog = new CatalogBuilder().WithPlugin("projects").Build();

        Assert.Empty(catalog.MarkFailed("nobody", "?"));
        Assert.True(catalog.IsActive("projects"));
    }

    [Fact]
    public void Contributions_PluginNotLoaded_NeverAppear()
    {
        var catalog = new CatalogBuilder()
            .WithCoreModule()
            .WithPlugin("projects", EverythingOf("projects"))
            .WithRefusedPlugin("surveys", PluginState.Incompatible, EverythingOf("surveys"))
            .Build();

        AssertContributesNothing(catalog, "surveys");
        AssertContributesEverything(catalog, "projects");
    }

    [Fact]
    public void Contributions_PluginWithdrawnAfterFailure_NoLongerAppear()
    {
        var catalog = new CatalogBuilder().WithCoreModule().WithPlugin("projects", EverythingOf("projects")).Build();

        catalog.MarkFailed("projects", "Migration failed.");

        AssertContributesNothing(catalog, "projects");
        Assert.False(catalog.IsActive("projects"));
        Assert.Null(catalog.FindJob("projects:sync"));
    }

    [Fact]
    public void Contributions_CoreModule_AlwaysPresent()
    {
        var catalog = new CatalogBuilder()
            .WithCoreModule()
            .WithPlugin("projects", EverythingOf("projects"))
            .Build();
        catalog.MarkFailed("projects", "Migration failed.");

        Assert.Contains(catalog.MenuItems, m => m.OwnerId == "crm" && m.Item.Href == "/customers");
        Assert.Contains(catalog.Permissions, p => p.Name == CorePermissions.ViewCustomers);
        Assert.Contains(catalog.CustomerTabs, t => t.OwnerId == "crm" && t.Title == "Timeline");
        Assert.NotNull(catalog.FindJob("crm:outbox-sweep"));
        Assert.True(catalog.IsActive("crm"));
    }

    [Fact]
    public void CustomerTabs_SeveralOwners_ComeInOrder()
    {
        var catalog = new CatalogBuilder()
            .WithCoreModule()
            .WithPlugin("projects", p => p.AddCustomerTab<SampleTab>("Projects", order: 50))
            .WithPlugin("surveys", p => p.AddCustomerTab<SampleTab>("Surveys", order: 900))
            .Build();

        Assert.Equal(["Projects", "Timeline", "Contacts", "Surveys", "History"], catalog.CustomerTabs.Select(t => t.Title));
    }

    [Fact]
    public void ProjectTabs_SeveralOwners_ComeInOrder()
    {
        var catalog = new CatalogBuilder()
            .WithCoreModule()
            .WithPlugin("resources", p => p.AddProjectTab<SampleProjectTab>("Team", order: 100))
            .WithPlugin("surveys", p => p.AddProjectTab<SampleProjectTab>("Surveys", order: 50))
            .Build();

        Assert.Equal(["Surveys", "Team"], catalog.ProjectTabs.Select(t => t.Title));
        Assert.DoesNotContain(catalog.CustomerTabs, t => t.OwnerId != "crm");
    }

    private static Action<Sdk.Plugins.IPluginBuilder> EverythingOf(string id) => plugin => plugin
        .AddPermission(new Permission(id + ".view", "View " + id, CrmRoles.Staff))
        .AddMenuItem(new MenuItem(id, "/" + id, Permission: id + ".view"))
        .AddCustomerTab<SampleTab>(id + " tab")
        .AddProjectTab<SampleProjectTab>(id + " project tab")
        .AddDashboardWidget<SampleTab>(id + " widget")
        .AddJob<SampleJob>("sync")
        .AddEventHandler<SampleEvent, SampleEventHandler>();

    private static void AssertContributesNothing(PluginCatalog catalog, string id)
    {
        Assert.DoesNotContain(catalog.MenuItems, m => m.OwnerId == id);
        Assert.DoesNotContain(catalog.Permissions, p => p.Name.StartsWith(id + ".", StringComparison.Ordinal));
        Assert.DoesNotContain(catalog.CustomerTabs, t => t.OwnerId == id);
        Assert.DoesNotContain(catalog.ProjectTabs, t => t.OwnerId == id);
        Assert.DoesNotContain(catalog.DashboardWidgets, w => w.OwnerId == id);
        Assert.DoesNotContain(catalog.Jobs, j => j.OwnerId == id);
        Assert.DoesNotContain(catalog.SubscriptionsTo(SampleEvent.Name), s => s.OwnerId == id);
    }

    private static void AssertContributesEverything(PluginCatalog catalog, string id)
    {
        Assert.Contains(catalog.MenuItems, m => m.OwnerId == id);
        Assert.Contains(catalog.Permissions, p => p.Name == id + ".view");
        Assert.Contains(catalog.CustomerTabs, t => t.OwnerId == id);
        Assert.Contains(catalog.ProjectTabs, t => t.OwnerId == id);
        Assert.Contains(catalog.DashboardWidgets, w => w.OwnerId == id);
        Assert.Contains(catalog.Jobs, j => j.JobId == id + ":sync");
        Assert.Contains(catalog.SubscriptionsTo(SampleEvent.Name), s => s.OwnerId == id);
    }
}
