using System.Text.RegularExpressions;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard as the server prerenders it: the core's widgets, registered through the same builder
/// as a plugin's, load their data and show in their order before the plugins' widgets, to the users
/// who hold their permission.
/// </summary>
public abstract partial class DashboardPageTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Dashboard_ForStaff_ShowsTheCoreWidgetsInOrderThenThePluginsWidget()
    {
        var page = await DashboardAsync(CrmRoles.Staff);

        Assert.Equal(
            ["CustomerNumbersWidget", "InteractionsByChannelWidget", "OpenCasesWidget", "CustomersBySegmentWidget", "AlphaWidget"],
            WidgetNames(page));
    }

    [Fact]
    public async Task Dashboard_ForStaff_LoadsEachCoreWidgetsData()
    {
        var page = await DashboardAsync(CrmRoles.Staff);

        Assert.True(page.Has("customer-numbers"));
        Assert.True(page.Has("open-cases-counts"));
        Assert.True(page.Has("interactions-chart") || page.Has("interactions-chart-empty"));
        Assert.True(page.Has("segments-chart") || page.Has("segments-chart-empty"));
    }

    [Fact]
    public async Task Dashboard_ForUserWithoutCustomerAccess_ShowsNoCoreWidget()
    {
        var page = await DashboardAsync(role: null);

        Assert.Empty(WidgetNames(page));
        Assert.False(page.Has("customer-numbers"));
    }

    [Fact]
    public async Task Dashboard_Prerendered_CarriesTheWidgetsDataForTheInteractiveRender()
    {
        // The widgets' data, loaded while prerendering, travels in the page (protected by the data
        // protection keys) so that the interactive render takes it instead of querying again
        // (PrerenderedData). A page without widgets carries an empty state.
        var withWidgets = ComponentState(await DashboardAsync(CrmRoles.Staff));
        var withoutWidgets = ComponentState(await DashboardAsync(role: null));

        Assert.True(withWidgets.Length > withoutWidgets.Length + 500, $"{withWidgets.Length} characters of state with widgets, {withoutWidgets.Length} without");
    }

    private static string ComponentState(HtmlPage page) =>
        ComponentStateComment().Match(page.Html) is { Success: true } match ? match.Groups["state"].Value : string.Empty;

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=_-]*)-->")]
    private static partial Regex ComponentStateComment();

    private async Task<HtmlPage> DashboardAsync(string? role)
    {
        var user = await fixture.Host.CreateUserAsync(role);
        using var client = await fixture.Host.SignInAsync(user);
        using var response = await client.GetAsync("/");
        response.EnsureSuccessStatusCode();
        return await HtmlPage.ReadAsync(response);
    }

    private static List<string> WidgetNames(HtmlPage page) => [.. WidgetAttribute().Matches(page.Html).Select(m => m.Groups["name"].Value)];

    [GeneratedRegex("data-widget=\"(?<name>[^\"]+)\"")]
    private static partial Regex WidgetAttribute();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : DashboardPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : DashboardPageTests(fixture);
}
