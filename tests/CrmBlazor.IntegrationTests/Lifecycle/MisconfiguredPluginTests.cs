using System.Net;
using System.Net.Http.Json;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Jobs;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A plugin whose recurring job got a schedule that is not a cron expression is refused while it
/// configures, with the reason on /healthz and on the plugin admin page; the host starts and serves
/// without it, with the core's recurring jobs registered. (The start-up log line, with the exception,
/// is checked by <c>PluginDiscoveryTests</c>.)
/// </summary>
public abstract class MisconfiguredPluginTests(HostWithMisconfiguredPlugin scenario)
{
    private const string Reason =
        "Failed while starting: Recurring job 'heartbeat' has the schedule 'every tuesday', which is not a cron expression (";

    [Fact]
    public async Task Healthz_PluginWithAnInvalidSchedule_IsFailedWithTheReason()
    {
        var plugin = await PluginAsync(FixtureAlpha.Id);

        Assert.Equal("failed", plugin.State);
        Assert.StartsWith(Reason, plugin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginsPage_PluginWithAnInvalidSchedule_ShowsTheReason()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();
        using var response = await admin.GetAsync("/admin/plugins");
        var page = await HtmlPage.ReadAsync(response);

        Assert.Equal("Failed", page.TextOf("plugin-state-" + FixtureAlpha.Id));
        Assert.StartsWith(Reason, page.TextOf("plugin-error-" + FixtureAlpha.Id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_WithAPluginRefusedForItsSchedule_ServesTheDashboard()
    {
        using var admin = await scenario.Host.SignInAsAdministratorAsync();

        using var response = await admin.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void RecurringJobs_WithAPluginRefusedForItsSchedule_AreTheOthersOnly()
    {
        var jobs = RecurringJobTests.RecurringJobsIn(scenario.Host).Select(j => j.Id).ToList();

        Assert.Contains("crm:outbox-sweep", jobs);
        Assert.DoesNotContain(FixtureAlpha.HeartbeatJobId, jobs);
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
    public sealed class OnSqlite(SqliteHostWithMisconfiguredPlugin scenario) : MisconfiguredPluginTests(scenario), IClassFixture<SqliteHostWithMisconfiguredPlugin>;

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostWithMisconfiguredPlugin scenario) : MisconfiguredPluginTests(scenario), IClassFixture<PostgresHostWithMisconfiguredPlugin>;
}
