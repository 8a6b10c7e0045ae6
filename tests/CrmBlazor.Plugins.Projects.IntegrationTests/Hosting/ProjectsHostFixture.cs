using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;

/// <summary>
/// One host with the projects plugin in its plugins folder, on a fresh database of one provider,
/// shared by every test class of the provider's collection. Every test makes its own customer,
/// people and projects, so tests do not see each other's data.
/// </summary>
/// <param name="provider">The provider under test.</param>
public abstract class ProjectsHostFixture(DatabaseProvider provider) : HostFixture(provider, new HostSetup(PluginsPath)), IAsyncLifetime
{
    /// <summary>The folder the build copies the plugin into, next to the test assembly.</summary>
    public const string PluginsPath = "projects-plugins";

    /// <summary>The plugin as the shared host loaded it.</summary>
    public ProjectsPlugin Projects => ProjectsPlugin.In(Host);
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteProjectsHostFixture() : ProjectsHostFixture(DatabaseProvider.Sqlite);

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresProjectsHostFixture() : ProjectsHostFixture(DatabaseProvider.Postgres);

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteProjectsHostFixture>
{
    public const string Name = "Projects on SQLite";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresProjectsHostFixture>
{
    public const string Name = "Projects on PostgreSQL";
}
