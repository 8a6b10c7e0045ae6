using Bunit;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Host.Tests.Components;
using CrmBlazor.Sdk.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Host.Tests.Plugins;

/// <summary>
/// The tabs plugins add to the project page, as the projects plugin gets them through <c>IProjectTabs</c>:
/// only those whose permission the user holds, in order, each rendering its component for the project.
/// </summary>
public sealed class ProjectTabsTests : ComponentTestContext
{
    private readonly PluginCatalog _catalog = new CatalogBuilder()
        .WithCoreModule()
        .WithPlugin("resources", p => p.AddProjectTab<SampleProjectTab>("Team", order: 100, permission: "resources.view"))
        .WithPlugin("surveys", p => p.AddProjectTab<SampleProjectTab>("Surveys", order: 50))
        .Build();

    [Fact]
    public async Task Tabs_WhosePermissionTheUserLacks_AreLeftOut()
    {
        var tabs = await TabsFor().ForProjectAsync(7);

        Assert.Equal(["Surveys"], tabs.Select(t => t.Title));
    }

    [Fact]
    public async Task Tabs_WhosePermissionTheUserHolds_ComeInOrderWithStableIds()
    {
        var tabs = await TabsFor("resources.view").ForProjectAsync(7);

        Assert.Equal([("Surveys", "surveys-SampleProjectTab"), ("Team", "resources-SampleProjectTab")], tabs.Select(t => (t.Title, t.TestId)));
    }

    [Fact]
    public async Task TabContent_RendersTheComponentForTheProject()
    {
        var tab = (await TabsFor().ForProjectAsync(42)).Single();

        var rendered = Render(tab.Content);

        Assert.Equal("42", rendered.Find("[data-testid=sample-project-tab]").TextContent);
    }

    private ProjectTabs TabsFor(params string[] permissions) =>
        new(_catalog, new UserWith(permissions), Services.GetRequiredService<IStringLocalizerFactory>());

    private sealed class UserWith(string[] permissions) : ICurrentUser
    {
        public bool IsAuthenticated => true;

        public string? UserId => "user-1";

        public string? UserName => "Kavya";

        public bool IsInRole(string role) => false;

        public Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) => Task.FromResult(permissions.Contains(permission));
    }
}
