using System.Net;
using System.Net.Http.Json;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Jobs;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// An administrator disabled Alpha: at the next start Alpha is not loaded, Beta (which depends on it)
/// is refused with a reason naming Alpha, and the CRM keeps serving.
/// </summary>
public abstract class DisabledPluginTests(HostWithDisabledPlugin scenario)
{
    [Fact]
    public async Task Healthz_PluginDisabledByAnAdministrator_IsDisabled()
    {
        var plugin = await PluginAsync(FixtureAlpha.Id);

        Assert.Equal("disabled", plugin.State);
        Assert.Equal("Disabled by an administrator.", plugin.Error);
    }

    [Fact]
    public async Task Healthz_PluginDependingOnADisabledPlugin_IsMissingDependencyNamingIt()
    {
        var plugin = await PluginAsync("fixture-beta");

        Assert.Equal("missing-dependency", plugin.State);
        Assert.Equal("Requires plugin 'fixture-alpha', which is not loaded (disabled).", plugin.Error);
    }

    [Fact]
    public async Task Host_WithoutTheDisabledPluginAndItsDependent_ServesTheDashboard()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/fixture-alpha", (await HtmlPage.ReadAsync(response)).Links);
    }

    [Fact]
    public async Task DisabledPlugin_Page_IsNotRouted()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/fixture-alpha");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void DisabledPlugin_RecurringJobs_AreRemoved()
    {
        var jobs = RecurringJobTests.RecurringJobsIn(scenario.Host);

        Assert.DoesNotContain(jobs, j => j.Id == FixtureAlpha.HeartbeatJobId);
    }

    private async Task<PluginHealth> PluginAsync(string id)
    {
        using var client = scenario.Host.CreateBrowserClient();
        var report = await client.GetFromJsonAsync<HealthReport>("/healthz");
        return Assert.Single(report!.Plugins, p => p.Id == id);
    }

    private sealed record HealthReport(string Status, List<PluginHealth> Plugins);

    private sealed record PluginHealth(string Id, string State, string? Error);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostWithDisabledPlugin scenario) : DisabledPluginTests(scenario), IClassFixture<SqliteHostWithDisabledPlugin>;

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostWithDisabledPlugin scenario) : DisabledPluginTests(scenario), IClassFixture<PostgresHostWithDisabledPlugin>;
}
