using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;

/// <summary>
/// One host with the projects and resources plugins in its plugins folder, on a fresh database of one
/// provider, shared by every test class of the provider's collection. Every test makes its own people
/// and projects, so tests do not see each other's data.
/// </summary>
/// <param name="provider">The provider under test.</param>
public abstract class ResourcesHostFixture(DatabaseProvider provider) : HostFixture(provider, new HostSetup(PluginsPath)), IAsyncLifetime
{
    /// <summary>The folder the build copies the plugins into, next to the test assembly.</summary>
    public const string PluginsPath = "resources-plugins";

    /// <summary>The plugin as the shared host loaded it.</summary>
    public ResourcesPlugin Resources => ResourcesPlugin.In(Host);
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteResourcesHostFixture() : ResourcesHostFixture(DatabaseProvider.Sqlite);

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresResourcesHostFixture() : ResourcesHostFixture(DatabaseProvider.Postgres);

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteResourcesHostFixture>
{
    public const string Name = "Resources on SQLite";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresResourcesHostFixture>
{
    public const string Name = "Resources on PostgreSQL";
}
