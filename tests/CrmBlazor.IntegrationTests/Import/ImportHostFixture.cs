using CrmBlazor.Data;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Import;

/// <summary>
/// One host without plugins on a fresh database of one provider, shared by the import and export
/// tests of that provider. (When the shared integration-test host of tests/CrmBlazor.IntegrationTests
/// is on main, these tests can move onto its collections: they use nothing but <see cref="Host"/>.)
/// </summary>
public abstract class ImportHostFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider under test.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The shared host.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _host = new CrmHostFactory(_database, "no-plugins").Start();
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

/// <summary>The import host on SQLite.</summary>
public sealed class SqliteImportHostFixture : ImportHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The import host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresImportHostFixture : ImportHostFixture
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>The import and export tests on SQLite.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteImportHost : ICollectionFixture<SqliteImportHostFixture>
{
    public const string Name = "Import: SQLite host";
}

/// <summary>The import and export tests on PostgreSQL.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresImportHost : ICollectionFixture<PostgresImportHostFixture>
{
    public const string Name = "Import: PostgreSQL host";
}
