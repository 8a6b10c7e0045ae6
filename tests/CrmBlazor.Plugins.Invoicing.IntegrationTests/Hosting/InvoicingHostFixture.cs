using CrmBlazor.Data;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;

/// <summary>
/// One host with the projects and invoicing plugins in its plugins folder, on a fresh database of one provider,
/// shared by every test class of the provider's collection. Every test makes its own customer,
/// people and projects, so tests do not see each other's data.
/// </summary>
public abstract class InvoicingHostFixture : IAsyncLifetime
{
    /// <summary>The folder the build copies the plugin into, next to the test assembly.</summary>
    public const string PluginsPath = "invoicing-plugins";

    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider under test.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The host's environment: Development unless a fixture says otherwise.</summary>
    public virtual string EnvironmentName => Environments.Development;

    /// <summary>The shared host's database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The shared host.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The plugins as the shared host loaded them.</summary>
    public InvoicingPlugin Invoicing => InvoicingPlugin.In(Host);

    /// <summary>Crashes the host's work at a step of the billable time contract when a test arms it.</summary>
    public TimeSourceFaults Faults => Host.Services.GetRequiredService<TimeSourceFaults>();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _host = new CrmHostFactory(_database, PluginsPath, testServices: TimeSourceFaults.AddTimeSourceFaults) { EnvironmentName = EnvironmentName }.Start();
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

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteInvoicingHostFixture : InvoicingHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>
/// A host in the Production environment on SQLite, shared by the SQLite collection, for what must hold
/// outside Development as well (answers of the endpoints).
/// </summary>
public sealed class ProductionInvoicingHostFixture : InvoicingHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    /// <inheritdoc />
    public override string EnvironmentName => Environments.Production;
}

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresInvoicingHostFixture : InvoicingHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteInvoicingHostFixture>, ICollectionFixture<ProductionInvoicingHostFixture>
{
    public const string Name = "Invoicing on SQLite";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresInvoicingHostFixture>
{
    public const string Name = "Invoicing on PostgreSQL";
}
