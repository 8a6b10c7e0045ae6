using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Plugins;

/// <summary>
/// A plugin's page is routed on a direct GET (not only through in-app navigation), and its static
/// files and scoped CSS are served from the plugin's folder (docs/plugins.md, traps 3 and 4).
/// </summary>
public abstract class PluginPageTests(CrmHostFixture fixture)
{
    private const string AlphaContent = "/_content/CrmBlazor.Fixtures.Alpha/";
    private const string AlphaStyleBundle = AlphaContent + "CrmBlazor.Fixtures.Alpha.bundle.scp.css";

    [Fact]
    public async Task PluginPage_DirectGet_IsPrerenderedWithTheGreetingFromConfiguration()
    {
        var page = await AlphaPageAsync();

        Assert.Equal(CrmHostFixture.AlphaGreeting, page.TextOf("alpha-greeting"));
    }

    [Fact]
    public async Task PluginStaticFile_FromThePluginsWwwroot_IsServedAsSvg()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(AlphaContent + "alpha.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginStyleBundle_OfScopedCss_IsServedAsCss()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(AlphaStyleBundle);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"\.alpha-banner\[b-[a-z0-9]+\]", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PluginStyleBundle_IsLinkedInThePageHead()
    {
        var page = await AlphaPageAsync();

        Assert.Contains(AlphaStyleBundle, page.StyleSheets);
    }

    [Fact]
    public async Task PluginStyleBundle_ScopesTheSameAttributeThePluginsMarkupCarries()
    {
        var page = await AlphaPageAsync();
        using var client = fixture.Host.CreateBrowserClient();
        var css = await client.GetStringAsync(AlphaStyleBundle);

        var scope = Regex.Match(css, @"\.alpha-banner\[(?<scope>b-[a-z0-9]+)\]").Groups["scope"].Value;

        Assert.Matches($"<div class=\"alpha-banner\"[^>]*\\b{scope}\\b", page.Html);
    }

    private async Task<HtmlPage> AlphaPageAsync()
    {
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(staff);
        using var response = await client.GetAsync("/fixture-alpha");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlPage.ReadAsync(response);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PluginPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PluginPageTests(fixture);
}
