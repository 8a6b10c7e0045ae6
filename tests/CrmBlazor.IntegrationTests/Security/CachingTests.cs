using System.Net;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Security;

/// <summary>
/// Nothing with personal data stays in a browser's or a proxy's cache: pages, exports and the
/// personal-data JSON are sent with <c>Cache-Control: no-store</c>; static files keep their caching.
/// </summary>
public abstract class CachingTests
{
    /// <summary>The host under test.</summary>
    protected abstract CrmHostFactory Host { get; }

    [Theory]
    [InlineData("/customers")]
    [InlineData("/customers/{0}")]
    [InlineData("/customers/{0}/personal-data")]
    [InlineData("/customers/export.csv")]
    [InlineData("/customers/export.xlsx")]
    [InlineData("/")]
    public async Task ResponseWithPersonalData_ToASignedInUser_IsNotStored(string path)
    {
        var customer = await new CustomerBuilder().Named("Caching " + Guid.NewGuid().ToString("N")[..8]).SaveAsync(Host);
        using var client = await Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, customer.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Theory]
    [InlineData("/css/app.css")]
    [InlineData("/_content/CrmBlazor.Fixtures.Alpha/alpha.svg")]
    public async Task StaticFile_KeepsItsCaching(string path)
    {
        using var client = Host.CreateBrowserClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.CacheControl);
        Assert.False(response.Headers.CacheControl.NoStore);
    }

    [Collection(SqliteHost.Name)]
    public sealed class InDevelopment(SqliteHostFixture fixture) : CachingTests
    {
        /// <inheritdoc />
        protected override CrmHostFactory Host => fixture.Host;
    }

    [Collection(SqliteHost.Name)]
    public sealed class InProduction(ProductionHostFixture fixture) : CachingTests
    {
        /// <inheritdoc />
        protected override CrmHostFactory Host => fixture.Host;
    }
}
