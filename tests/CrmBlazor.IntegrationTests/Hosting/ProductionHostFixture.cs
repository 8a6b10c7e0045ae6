using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.Hosting;

namespace CrmBlazor.IntegrationTests.Hosting;

/// <summary>
/// A host in the Production environment, for what happens only outside Development (HSTS, the
/// redirection of plain HTTP, the error page): the fixture plugins on a SQLite database of its own,
/// told that HTTPS is served on port 443 (<c>ASPNETCORE_HTTPS_PORT</c>), as behind a proxy.
/// </summary>
public sealed class ProductionHostFixture() : HostFixture(DatabaseProvider.Sqlite, Production.WithSettings(new Dictionary<string, string?> { ["HTTPS_PORT"] = "443" })), IAsyncLifetime
{
    /// <summary>The host name clients use: HSTS is never sent to <c>localhost</c>.</summary>
    public static readonly Uri HttpsAddress = new("https://crm.example.test");

    /// <summary>The same host over plain HTTP.</summary>
    public static readonly Uri HttpAddress = new("http://crm.example.test");

    /// <summary>The fixture plugins in the Production environment, without an HTTPS port.</summary>
    public static HostSetup Production { get; } = new(CrmHostFixture.PluginsPath)
    {
        Settings = CrmHostFixture.Settings,
        EnvironmentName = Environments.Production,
    };
}
