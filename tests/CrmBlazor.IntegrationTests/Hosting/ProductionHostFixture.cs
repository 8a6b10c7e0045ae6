using CrmBlazor.Data;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.Hosting;

namespace CrmBlazor.IntegrationTests.Hosting;

/// <summary>
/// A host in the Production environment, for what happens only outside Development (HSTS, the
/// redirection of plain HTTP, the error page): the fixture plugins on a SQLite database of its own,
/// told that HTTPS is served on port 443 (<c>ASPNETCORE_HTTPS_PORT</c>), as behind a proxy.
/// </summary>
public sealed class ProductionHostFixture : IAsyncLifetime
{
    /// <summary>The host name clients use: HSTS is never sent to <c>localhost</c>.</summary>
    public static readonly Uri HttpsAddress = new("https://crm.example.test");

    /// <summary>The same host over plain HTTP.</summary>
    public static readonly Uri HttpAddress = new("http://crm.example.test");

    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The host.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Starts a Production host with the fixture plugins on a database (the caller disposes it).</summary>
    /// <param name="database">The database.</param>
    /// <param name="settings">Settings besides the fixture's.</param>
    public static CrmHostFactory StartHost(TestDatabase database, IReadOnlyDictionary<string, string?> settings) =>
        new CrmHostFactory(database, CrmHostFixture.PluginsPath, new Dictionary<string, string?>(CrmHostFixture.Settings.Concat(settings)))
        {
            EnvironmentName = Environments.Production,
        }.Start();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _host = StartHost(_database, new Dictionary<string, string?> { ["HTTPS_PORT"] = "443" });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
