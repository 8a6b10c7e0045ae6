using System.Net;
using CrmBlazor.PluginTesting;
using CrmBlazor.Sdk.Authorization;

namespace Acme.Tickets.Tests;

/// <summary>Starts the real host once, with the plugin's build output installed, for the tests of this class.</summary>
public sealed class TicketsHostFixture : IAsyncLifetime
{
    public PluginHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await PluginHost.StartAsync(new PluginHostOptions { PluginDirectories = { TestPaths.PluginDirectory } });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>Integration tests: the plugin loaded by the real host, on SQLite, as the users of each role.</summary>
public sealed class TicketsHostTests(TicketsHostFixture fixture) : IClassFixture<TicketsHostFixture>
{
    [Fact]
    public async Task Host_AtStart_ReportsThePluginLoaded()
    {
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress };

        var health = await http.GetStringAsync(new Uri("healthz", UriKind.Relative));

        Assert.Contains("\"id\":\"acme-tickets\"", health);
        Assert.Contains("\"state\":\"loaded\"", health);
    }

    [Fact]
    public async Task Page_ForStaff_IsShown()
    {
        using var staff = await fixture.Host.SignInAsync(CrmRoles.Staff);

        using var response = await staff.GetAsync(new Uri(TicketsPlugin.PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("acme-tickets-heading", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Page_ForAnAccountant_IsRefused()
    {
        using var accountant = await fixture.Host.SignInAsync(CrmRoles.Accountant);

        using var response = await accountant.GetAsync(new Uri(TicketsPlugin.PagePath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("access-denied", response.Headers.Location!.OriginalString);
    }
}
