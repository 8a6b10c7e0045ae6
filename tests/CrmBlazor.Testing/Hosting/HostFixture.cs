using CrmBlazor.Data;
using CrmBlazor.Testing.Databases;

namespace CrmBlazor.Testing.Hosting;

/// <summary>
/// One host on a fresh database of one provider, shared by every test class of an xUnit collection:
/// creates the database, starts the host on it as its <see cref="HostSetup"/> says, and disposes both
/// after the last test. A scenario that needs the database prepared by an earlier run of the host (a
/// restart, a plugin disabled at the previous start) does that in <see cref="BeforeHostStartsAsync"/>.
/// </summary>
/// <remarks>
/// This library stays free of any test framework: a test project derives a small class per setup and
/// adds xUnit's <c>IAsyncLifetime</c>, which <see cref="InitializeAsync"/> and <see cref="DisposeAsync"/>
/// implement; and, because xUnit creates collection fixtures by type, one concrete class per provider:
/// <code>
/// public abstract class ProjectsHostFixture(DatabaseProvider provider) : HostFixture(provider, new HostSetup("projects-plugins")), IAsyncLifetime;
/// public sealed class SqliteProjectsHostFixture() : ProjectsHostFixture(DatabaseProvider.Sqlite);
/// </code>
/// </remarks>
/// <param name="provider">The provider of the host's database.</param>
/// <param name="setup">How the host is started.</param>
public abstract class HostFixture(DatabaseProvider provider, HostSetup setup)
{
    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider under test.</summary>
    public DatabaseProvider Provider { get; } = provider;

    /// <summary>How the host is started; <see cref="StartHost"/> starts others the same way.</summary>
    public HostSetup Setup { get; } = setup ?? throw new ArgumentNullException(nameof(setup));

    /// <summary>The shared host's database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The shared host.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>Starts another host set up like the shared one on a database and returns it; the caller disposes it.</summary>
    /// <param name="database">The database: the shared one (a second instance) or one of the test's own.</param>
    public CrmHostFactory StartHost(TestDatabase database) => Setup.StartOn(database);

    /// <summary>Creates the database, runs <see cref="BeforeHostStartsAsync"/> on it, then starts the host.</summary>
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        await BeforeHostStartsAsync(_database);
        _host = StartHost(_database);
    }

    /// <summary>Stops the host, then removes the database.</summary>
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

    /// <summary>What a scenario does to the new database before the shared host starts on it (nothing by default).</summary>
    /// <param name="database">The new database.</param>
    protected virtual Task BeforeHostStartsAsync(TestDatabase database) => Task.CompletedTask;
}
