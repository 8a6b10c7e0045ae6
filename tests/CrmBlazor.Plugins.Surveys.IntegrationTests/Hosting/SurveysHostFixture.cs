using CrmBlazor.Data;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;

namespace CrmBlazor.Plugins.Surveys.IntegrationTests.Hosting;

/// <summary>
/// One host with the surveys plugin in its plugins folder, on a fresh database of one provider, shared
/// by every test class of the provider's collection. Every test makes its own surveys, so tests do not
/// see each other's data.
/// </summary>
/// <param name="provider">The provider under test.</param>
public abstract class SurveysHostFixture(DatabaseProvider provider)
    : HostFixture(provider, new HostSetup(PluginsPath).WithSettings(new Dictionary<string, string?> { ["Crm:PublicUrl"] = PublicUrl, [RequestsPerMinuteSetting] = "1000000", [VisitsPerMinuteSetting] = "1000000" })), IAsyncLifetime
{
    /// <summary>The address the CRM is reached at, which links in mail start with.</summary>
    public const string PublicUrl = "https://crm.example.test/";

    /// <summary>
    /// The answer page's limit per client address, raised for the shared host (every test client has the
    /// same address); the rate limit test fills the count itself.
    /// </summary>
    public const string RequestsPerMinuteSetting = "Plugins:surveys:AnswerPageRequestsPerMinute";

    /// <summary>The public link's limit of visits per client address, raised likewise; the rate limit test fills the count itself.</summary>
    public const string VisitsPerMinuteSetting = "Plugins:surveys:PublicLinkVisitsPerMinute";

    /// <summary>The folder the build copies the plugin into, next to the test assembly.</summary>
    public const string PluginsPath = "surveys-plugins";

    /// <summary>The plugin as the shared host loaded it.</summary>
    public SurveysPlugin Surveys => SurveysPlugin.In(Host);

    /// <summary>
    /// Waits until no answer-effects job (queued by a submit, run in the background) is queued or running on the
    /// shared database: up to a minute, not a timing, since on a shared, loaded machine the worker may take its time.
    /// </summary>
    public Task AnswerEffectsFinishedAsync() =>
        Eventually.HoldsAsync("the answer effects jobs have finished", async () =>
            await Database.ScalarAsync<long>("""SELECT COUNT(*) FROM crm_job_runs WHERE "JobId" = 'surveys:answer-effects' AND "State" IN ('Queued', 'Running')""") == 0,
            TimeSpan.FromMinutes(1));
}

/// <summary>The shared host on SQLite.</summary>
public sealed class SqliteSurveysHostFixture() : SurveysHostFixture(DatabaseProvider.Sqlite);

/// <summary>The shared host on PostgreSQL (needs <c>CRM_TEST_POSTGRES</c>; fails without it).</summary>
public sealed class PostgresSurveysHostFixture() : SurveysHostFixture(DatabaseProvider.Postgres);

/// <summary>Every test class running on the shared SQLite host.</summary>
[CollectionDefinition(Name)]
public sealed class SqliteHost : ICollectionFixture<SqliteSurveysHostFixture>
{
    public const string Name = "Surveys on SQLite";
}

/// <summary>Every test class running on the shared PostgreSQL host.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresHost : ICollectionFixture<PostgresSurveysHostFixture>
{
    public const string Name = "Surveys on PostgreSQL";
}
