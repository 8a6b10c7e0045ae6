using CrmBlazor.Data;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A host that was started on a fresh database, used, stopped, and started again on the same
/// database (SQLite: the same data directory; PostgreSQL: the same database), with what the first
/// run left behind.
/// </summary>
public abstract class RestartedHost : IAsyncLifetime
{
    private TestDatabase? _database;
    private CrmHostFactory? _host;

    /// <summary>The provider.</summary>
    public abstract DatabaseProvider Provider { get; }

    /// <summary>The database both runs used.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The host of the second run.</summary>
    public CrmHostFactory Host => _host ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>What Alpha's initializer recorded in the first run.</summary>
    public string InstalledAtInFirstRun { get; private set; } = string.Empty;

    /// <summary>The administrator's authentication cookie issued by the first run, as "name=value".</summary>
    public string CookieFromFirstRun { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        await using (var first = CrmHostFixture.StartHost(_database))
        {
            using var browser = first.CreateBrowserClient();
            using var signIn = await LoginForm.SubmitAsync(browser, CrmHostFactory.Administrator.Email, CrmHostFactory.Administrator.Password);
            CookieFromFirstRun = LoginForm.SetCookieHeader(signIn, LoginForm.AuthenticationCookie)?.Split(';')[0]
                ?? throw new InvalidOperationException("The first run did not sign the administrator in.");
            InstalledAtInFirstRun = await _database.ScalarAsync<string>("SELECT \"Value\" FROM fixture_alpha_meta WHERE \"Key\" = 'installed-at'");
        }

        _host = CrmHostFixture.StartHost(_database);
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

/// <summary>A host restarted on SQLite.</summary>
public sealed class RestartedSqliteHost : RestartedHost
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>A host restarted on PostgreSQL.</summary>
public sealed class RestartedPostgresHost : RestartedHost
{
    /// <inheritdoc />
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
