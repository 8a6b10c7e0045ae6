using System.Net;
using CrmBlazor.IntegrationTests.Hosting;

namespace CrmBlazor.IntegrationTests.Identity;

/// <summary>Every page needs a signed-in user, except sign-in itself and the health check.</summary>
public abstract class AnonymousAccessTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/customers")]
    [InlineData("/fixture-alpha")]
    public async Task ProtectedPage_Anonymous_RedirectsToSignInWithReturnUrl(string path)
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        var target = Responses.AssertRedirectTo(response, Responses.SignInPath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(path), target.Query);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    public async Task PublicEndpoint_Anonymous_IsServed(string path)
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : AnonymousAccessTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : AnonymousAccessTests(fixture);
}
