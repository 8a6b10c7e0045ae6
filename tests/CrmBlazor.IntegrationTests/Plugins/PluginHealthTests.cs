using System.Net;
using System.Net.Http.Json;
using CrmBlazor.IntegrationTests.Hosting;

namespace CrmBlazor.IntegrationTests.Plugins;

/// <summary>
/// <c>/healthz</c> reports every plugin found, with why it is not running: Alpha and Beta load,
/// Broken's Configure throws, Incompatible asks for SDK 99.
/// </summary>
public abstract class PluginHealthTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task Healthz_Anonymous_ReturnsOkWithDatabaseUpAndEveryPluginFound()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync("/healthz");
        var report = await response.Content.ReadFromJsonAsync<HealthReport>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", report!.Database);
        Assert.Equal("degraded", report.Status);
        Assert.Equal(
            ["fixture-alpha", "fixture-beta", "fixture-broken", "fixture-incompatible"],
            report.Plugins.Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("fixture-alpha", "1.2.0")]
    [InlineData("fixture-beta", "1.0.0")]
    public async Task Healthz_PluginWithItsDependencies_IsLoadedWithoutError(string pluginId, string version)
    {
        var plugin = await PluginAsync(pluginId);

        Assert.Equal("loaded", plugin.State);
        Assert.Equal(version, plugin.Version);
        Assert.Null(plugin.Error);
    }

    [Fact]
    public async Task Healthz_PluginWhoseConfigureThrows_IsFailedWithTheExceptionMessage()
    {
        var plugin = await PluginAsync("fixture-broken");

        Assert.Equal("failed", plugin.State);
        Assert.Contains("Fixture Broken refuses to start: this failure is deliberate.", plugin.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_PluginForAnotherSdk_IsIncompatibleNamingTheRequiredRange()
    {
        var plugin = await PluginAsync("fixture-incompatible");

        Assert.Equal("incompatible", plugin.State);
        Assert.Equal("1.0.0", plugin.Version);
        Assert.StartsWith("Requires SDK (>= 99.0.0 && < 100.0.0); this host provides SDK 1.", plugin.Error, StringComparison.Ordinal);
    }

    private async Task<PluginHealth> PluginAsync(string id)
    {
        using var client = fixture.Host.CreateBrowserClient();
        var report = await client.GetFromJsonAsync<HealthReport>("/healthz");
        return Assert.Single(report!.Plugins, p => p.Id == id);
    }

    private sealed record HealthReport(string Status, string Database, List<PluginHealth> Plugins);

    private sealed record PluginHealth(string Id, string Version, string State, string? Error);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PluginHealthTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PluginHealthTests(fixture);
}
