using System.Net;
using CrmBlazor.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing.Databases;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.IntegrationTests.Security;

/// <summary>
/// Outside Development the CRM is served over HTTPS only: HSTS for a year (with sub-domains), plain
/// HTTP redirected to HTTPS (except the health check), and a warning at start when the host cannot
/// redirect. In Development (<c>dotnet run</c> on <c>http://localhost:5080</c>) plain HTTP is served.
/// </summary>
public sealed class TransportTests
{
    [Collection(SqliteHost.Name)]
    public sealed class InProduction(ProductionHostFixture fixture)
    {
        [Fact]
        public async Task HttpsResponse_InProduction_HasHstsForAYearWithSubDomains()
        {
            using var client = fixture.Host.CreateBrowserClient(ProductionHostFixture.HttpsAddress);

            using var response = await client.GetAsync("/account/login");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(["max-age=31536000; includeSubDomains"], response.Headers.GetValues("Strict-Transport-Security"));
        }

        [Theory]
        [InlineData("/account/login")]
        [InlineData("/customers/export.csv?tag=1")]
        public async Task PlainHttpRequest_InProduction_IsRedirectedToHttps(string path)
        {
            using var client = fixture.Host.CreateBrowserClient(ProductionHostFixture.HttpAddress);

            using var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
            Assert.Equal(new Uri(ProductionHostFixture.HttpsAddress, path), response.Headers.Location);
        }

        [Fact]
        public async Task HealthCheckOverPlainHttp_InProduction_IsAnswered()
        {
            using var client = fixture.Host.CreateBrowserClient(ProductionHostFixture.HttpAddress);

            using var response = await client.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task Start_InProductionWithoutAnHttpsPort_WarnsThatPlainHttpIsNotRedirected()
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using var host = ProductionHostFixture.Production.StartOn(database);

            Assert.Contains(host.Log.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("Plain HTTP requests are not redirected to HTTPS", StringComparison.Ordinal));
        }
    }

    [Collection(SqliteHost.Name)]
    public sealed class InDevelopment(SqliteHostFixture fixture)
    {
        [Fact]
        public async Task PlainHttpRequest_InDevelopment_IsServedWithoutHsts()
        {
            using var client = fixture.Host.CreateBrowserClient(new Uri("http://localhost:5080"));

            using var response = await client.GetAsync("/account/login");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }
}
