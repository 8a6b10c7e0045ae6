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
/// <param name="provider">The provider.</param>
public abstract class RestartedHost(DatabaseProvider provider) : HostFixture(provider, CrmHostFixture.FixturePlugins), IAsyncLifetime
{
    /// <summary>What Alpha's initializer recorded in the first run.</summary>
    public string InstalledAtInFirstRun { get; private set; } = string.Empty;

    /// <summary>The administrator's authentication cookie issued by the first run, as "name=value".</summary>
    public string CookieFromFirstRun { get; private set; } = string.Empty;

    /// <summary>The first run: the administrator signs in, and Alpha's initializer records when it was installed.</summary>
    /// <param name="database">The database both runs use.</param>
    protected override async Task BeforeHostStartsAsync(TestDatabase database)
    {
        await using var first = StartHost(database);
        using var browser = first.CreateBrowserClient();
        using var signIn = await LoginForm.SubmitAsync(browser, CrmHostFactory.Administrator.Email, CrmHostFactory.Administrator.Password);
        CookieFromFirstRun = LoginForm.SetCookieHeader(signIn, LoginForm.AuthenticationCookie)?.Split(';')[0]
            ?? throw new InvalidOperationException("The first run did not sign the administrator in.");
        InstalledAtInFirstRun = await database.ScalarAsync<string>("SELECT \"Value\" FROM fixture_alpha_meta WHERE \"Key\" = 'installed-at'");
    }
}

/// <summary>A host restarted on SQLite.</summary>
public sealed class RestartedSqliteHost() : RestartedHost(DatabaseProvider.Sqlite);

/// <summary>A host restarted on PostgreSQL.</summary>
public sealed class RestartedPostgresHost() : RestartedHost(DatabaseProvider.Postgres);
