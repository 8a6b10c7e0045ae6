using CrmBlazor.Data;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Hosting;

/// <summary>
/// One host with the four fixture plugins on a fresh database of one provider, shared by every test
/// class of the provider's collection. Scenarios that need hosts of their own (a restart, a disabled
/// plugin, a second instance) start them with <see cref="HostFixture.StartHost"/> or <see cref="FixturePlugins"/>.
/// </summary>
/// <param name="provider">The provider under test.</param>
public abstract class CrmHostFixture(DatabaseProvider provider) : HostFixture(provider, FixturePlugins), IAsyncLifetime
{
    /// <summary>The folder the build copies the fixture plugins into, next to the test assembly.</summary>
    public const string PluginsPath = "fixture-plugins";

    /// <summary>The greeting configured for Alpha (<c>Plugins:fixture-alpha:Greeting</c>), shown on its page.</summary>
    public const string AlphaGreeting = "Greetings to the integration tests from the configuration";

    /// <summary>The largest plugin archive the test hosts accept (<c>Plugins:MaxArchiveBytes</c>): 1 MB, so that a test can exceed it cheaply.</summary>
    public const long MaxArchiveBytes = 1024 * 1024;

    /// <summary>The settings every test host gets besides its database.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Plugins:fixture-alpha:Greeting"] = AlphaGreeting,
        ["Plugins:MaxArchiveBytes"] = MaxArchiveBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Plugins:MaxUncompressedBytes"] = (4 * MaxArchiveBytes).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Plugins:MaxArchiveEntries"] = "100",
    };

    /// <summary>The fixture plugins with <see cref="Settings"/>; the hosts' password verifications are counted (<see cref="PasswordVerifications"/>).</summary>
    public static HostSetup FixturePlugins { get; } = new(PluginsPath) { Settings = Settings, TestServices = PasswordVerifications.Register };
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteHostFixture() : CrmHostFixture(DatabaseProvider.Sqlite);

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresHostFixture() : CrmHostFixture(DatabaseProvider.Postgres);

/// <summary>Every test class running on the shared SQLite host (and the shared Production host, see <see cref="ProductionHostFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteHostFixture>, ICollectionFixture<ProductionHostFixture>
{
    public const string Name = "SQLite host";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresHostFixture>
{
    public const string Name = "PostgreSQL host";
}
