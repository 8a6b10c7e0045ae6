using CrmBlazor.Host.Features.Administration;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Administration;

/// <summary>
/// The plugins page's switches: an administrator's choice is kept for the next start (which then leaves
/// the plugin out: <see cref="Lifecycle.DisabledPluginTests"/>); anyone else is refused on the server.
/// </summary>
public abstract class PluginSettingsTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task SetEnabled_ByAnAdministrator_IsTheChoiceForTheNextStart()
    {
        await fixture.Host.AsUserAsync(CrmHostFactory.Administrator, services =>
            services.GetRequiredService<PluginSettingsService>().SetEnabledAsync("fixture-beta", enabled: false));

        var choices = await fixture.Host.InScopeAsync(services => services.GetRequiredService<PluginSettingsService>().EnabledAtNextStartAsync());

        Assert.False(choices["fixture-beta"]);
    }

    [Fact]
    public async Task SetEnabled_ByAManager_IsRefused()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => fixture.Host.AsUserAsync(manager, services =>
            services.GetRequiredService<PluginSettingsService>().SetEnabledAsync(FixtureAlpha.Id, enabled: false)));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PluginSettingsTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PluginSettingsTests(fixture);
}
