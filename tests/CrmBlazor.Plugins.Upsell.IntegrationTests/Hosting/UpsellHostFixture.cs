using CrmBlazor.Data;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;

/// <summary>
/// One host with the projects, surveys, upsell and fixture plugins in its plugins folder, on a fresh database of one
/// provider, shared by every test class of the provider's collection. Every test makes its own customers
/// projects and survey answers, and reads only their opportunities.
/// </summary>
/// <param name="provider">The provider under test.</param>
public abstract class UpsellHostFixture(DatabaseProvider provider) : HostFixture(provider, Plugins), IAsyncLifetime
{
    /// <summary>The folder the build copies the plugins into, next to the test assembly.</summary>
    public const string PluginsPath = "upsell-plugins";

    /// <summary>The plugins, with the greeting the fixture plugin needs and the public address the surveys plugin's personal links start with.</summary>
    public static HostSetup Plugins { get; } = new(PluginsPath)
    {
        Settings = new Dictionary<string, string?> { ["Plugins:fixture-alpha:Greeting"] = "Hello from the upsell tests", ["Crm:PublicUrl"] = "https://crm.example.test/" },
    };

    /// <summary>The plugin as the shared host loaded it.</summary>
    public UpsellPlugin Upsell => UpsellPlugin.In(Host);
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteUpsellHostFixture() : UpsellHostFixture(DatabaseProvider.Sqlite);

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresUpsellHostFixture() : UpsellHostFixture(DatabaseProvider.Postgres);

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteUpsellHostFixture>
{
    public const string Name = "Upsell on SQLite";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresUpsellHostFixture>
{
    public const string Name = "Upsell on PostgreSQL";
}
