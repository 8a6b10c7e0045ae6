using System.Net;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Security;

/// <summary>
/// Every response carries a Content-Security-Policy that forbids plugins, base-URI changes and framing,
/// and no MIME sniffing; the Hangfire dashboard gets the same policy as every page.
/// </summary>
public abstract class SecurityHeaderTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData("/account/login", "object-src 'none'")]
    [InlineData("/account/login", "base-uri 'none'")]
    [InlineData("/account/login", "frame-ancestors 'none'")]
    [InlineData("/healthz", "object-src 'none'")]
    [InlineData("/", "frame-ancestors 'none'")]
    public async Task Response_AnyPath_HasAContentSecurityPolicyWith(string path, string directive)
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains(directive, policy.Split(';', StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/_content/CrmBlazor.Fixtures.Alpha/alpha.svg")]
    public async Task Response_AnyPath_ForbidsMimeSniffing(string path)
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
    }

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs/jobs/succeeded")]
    [InlineData("/jobs/recurring")]
    [InlineData("/jobs/servers")]
    public async Task JobsDashboard_AnyPage_HasTheStrictPolicyOfEveryPage(string path)
    {
        using var client = await fixture.Host.SignInAsAdministratorAsync();
        using var page = await client.GetAsync("/customers");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(page.Headers.GetValues("Content-Security-Policy"), response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SecurityHeaderTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SecurityHeaderTests(fixture);
}
