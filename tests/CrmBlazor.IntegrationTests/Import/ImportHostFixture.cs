using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Import;

/// <summary>
/// One host without plugins on a fresh database of one provider, shared by the import and export tests
/// of that provider. (They use nothing but the host, and could run on the shared host of
/// <see cref="Hosting.CrmHostFixture"/>'s collections instead.)
/// </summary>
/// <param name="provider">The provider under test.</param>
public abstract class ImportHostFixture(DatabaseProvider provider) : HostFixture(provider, new HostSetup("no-plugins")), IAsyncLifetime;

/// <summary>The import host on SQLite.</summary>
public sealed class SqliteImportHostFixture() : ImportHostFixture(DatabaseProvider.Sqlite);

/// <summary>The import host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresImportHostFixture() : ImportHostFixture(DatabaseProvider.Postgres);

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
