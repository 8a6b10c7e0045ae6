using CrmBlazor.Data;
using CrmBlazor.Host.Features.Administration;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using CrmBlazor.Sdk.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Lifecycle;

/// <summary>
/// A host started after a plugin that holds personal data stopped being loaded: in the first run a
/// person gets a note from Alpha (in Alpha's table) and an entry of Alpha's on their timeline, linking to
/// Alpha's page; then an administrator disables Alpha. In the next run Alpha (and Beta, which depends on
/// it) are not loaded, and their tables remain. With <paramref name="purgeInSecondRun"/>, that run purges
/// both plugins' data and the shared host is a third run.
/// </summary>
/// <param name="provider">The provider.</param>
/// <param name="purgeInSecondRun">Whether an administrator purges the data of Alpha and Beta before the shared host starts.</param>
public abstract class HostWithDataOfAPluginNotLoaded(DatabaseProvider provider, bool purgeInSecondRun) : HostFixture(provider, CrmHostFixture.FixturePlugins), IAsyncLifetime
{
    /// <summary>The text of Alpha's timeline entry.</summary>
    public const string TimelineTitle = "Fixture note left by a plugin that is gone";

    /// <summary>The person Alpha holds data about.</summary>
    public Customer Person { get; private set; } = default!;

    /// <summary>How the purges in the second run ended (none without a purge).</summary>
    public IReadOnlyList<ChangeResult> Purges { get; private set; } = [];

    /// <summary>The first run (and, with a purge, the second).</summary>
    /// <param name="database">The database every run uses.</param>
    protected override async Task BeforeHostStartsAsync(TestDatabase database)
    {
        await using (var first = StartHost(database))
        {
            var unique = Guid.NewGuid().ToString("N")[..8];
            Person = await new CustomerBuilder().APerson().Named("Nilufar Rahman " + unique).WithEmail($"nilufar.{unique}@example.test").SaveAsync(first);
            await FixtureAlpha.In(first).AddNoteAsManagerAsync(Person.Id, "Met Nilufar about the audit");
            await first.InScopeAsync(services => services.GetRequiredService<ITimeline>().RecordAsync(new TimelineEntry(
                Person.Id, "fixture-alpha.note", "fixture-alpha.note:gone-" + unique, DateTimeOffset.UtcNow, TimelineTitle, Link: "/fixture-alpha")));
            await first.AsUserAsync(CrmHostFactory.Administrator, services =>
                services.GetRequiredService<PluginSettingsService>().SetEnabledAsync(FixtureAlpha.Id, enabled: false));
        }

        if (purgeInSecondRun)
        {
            await using var second = StartHost(database);
            Purges = await second.AsUserAsync(CrmHostFactory.Administrator, async services =>
            {
                var data = services.GetRequiredService<PluginData>();
                return (IReadOnlyList<ChangeResult>)[await data.PurgeAsync("fixture-beta"), await data.PurgeAsync(FixtureAlpha.Id)];
            });
        }
    }
}

/// <summary>Alpha disabled, its data kept, on SQLite.</summary>
public sealed class SqliteHostWithDataOfAPluginNotLoaded() : HostWithDataOfAPluginNotLoaded(DatabaseProvider.Sqlite, purgeInSecondRun: false);

/// <summary>Alpha disabled, its data kept, on PostgreSQL.</summary>
public sealed class PostgresHostWithDataOfAPluginNotLoaded() : HostWithDataOfAPluginNotLoaded(DatabaseProvider.Postgres, purgeInSecondRun: false);

/// <summary>Alpha disabled and its data purged, on SQLite.</summary>
public sealed class SqliteHostAfterPurgingAPlugin() : HostWithDataOfAPluginNotLoaded(DatabaseProvider.Sqlite, purgeInSecondRun: true);

/// <summary>Alpha disabled and its data purged, on PostgreSQL.</summary>
public sealed class PostgresHostAfterPurgingAPlugin() : HostWithDataOfAPluginNotLoaded(DatabaseProvider.Postgres, purgeInSecondRun: true);
