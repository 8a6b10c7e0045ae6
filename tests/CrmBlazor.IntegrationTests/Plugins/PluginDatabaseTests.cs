using CrmBlazor.IntegrationTests.Hosting;

namespace CrmBlazor.IntegrationTests.Plugins;

/// <summary>
/// Each plugin's tables carry its id as prefix and its migrations are recorded in a history table of
/// its own, so plugins can be added and removed without touching the core's model; initializers run
/// after the migrations.
/// </summary>
public abstract class PluginDatabaseTests(CrmHostFixture fixture)
{
    [Theory]
    [InlineData("fixture_alpha_notes")]
    [InlineData("fixture_alpha_heartbeats")]
    [InlineData("fixture_alpha_meta")]
    [InlineData("fixture_beta_received")]
    public async Task PluginTables_AfterStartUp_ExistWithThePluginsPrefix(string table)
    {
        Assert.True(await fixture.Database.TableExistsAsync(table), $"{table} does not exist.");
    }

    [Theory]
    [InlineData("__EFMigrationsHistory_fixture_alpha")]
    [InlineData("__EFMigrationsHistory_fixture_beta")]
    public async Task PluginMigrations_AfterStartUp_AreRecordedInThePluginsOwnHistoryTable(string historyTable)
    {
        var migrations = await fixture.Database.ColumnAsync<string>($"SELECT \"MigrationId\" FROM \"{historyTable}\"");

        var migration = Assert.Single(migrations);
        Assert.EndsWith("_Initial", migration, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PluginMigrations_AfterStartUp_AreNotRecordedInTheCoresHistoryTable()
    {
        var alphas = await fixture.Database.ColumnAsync<string>("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory_fixture_alpha\"");
        var cores = await fixture.Database.ColumnAsync<string>("SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"");

        Assert.NotEmpty(cores);
        Assert.Empty(cores.Intersect(alphas));
    }

    [Fact]
    public async Task PluginInitializer_AfterMigrations_HasRecordedTheInstallationTime()
    {
        var installedAt = await fixture.Database.ScalarAsync<string>("SELECT \"Value\" FROM fixture_alpha_meta WHERE \"Key\" = 'installed-at'");

        Assert.True(DateTimeOffset.TryParse(installedAt, System.Globalization.CultureInfo.InvariantCulture, out var time), $"'{installedAt}' is not a time.");
        Assert.InRange(time, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PluginDatabaseTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PluginDatabaseTests(fixture);
}
