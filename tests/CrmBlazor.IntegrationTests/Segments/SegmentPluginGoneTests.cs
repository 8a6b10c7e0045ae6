using CrmBlazor.Host.Features.Segments;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Customers;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing.Databases;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Segments;

/// <summary>
/// A segment with a rule on a plugin's figure, after the plugin is removed: its rules cannot be
/// evaluated, which is reported, and its members stay as they were rather than being emptied.
/// </summary>
public abstract class SegmentPluginGoneTests(CrmHostFixture fixture) : IAsyncLifetime
{
    private TestDatabase? _database;
    private long _segment;
    private long _member;

    /// <summary>What the host without the plugin says about the segment's rule.</summary>
    private const string FieldGone = "This field is no longer available (its plugin may be disabled).";

    /// <summary>
    /// On a database of its own: a host with the Alpha fixture plugin scores two customers and builds
    /// a segment of the high scorers; then that host stops, and the tests start one without plugins.
    /// </summary>
    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(fixture.Provider);
        await using var withPlugin = fixture.StartHost(_database);
        _member = await new CustomerSituation().SaveAsync(withPlugin);
        var other = await new CustomerSituation().SaveAsync(withPlugin);
        await withPlugin.InScopeAsync(async services =>
        {
            var figures = services.GetRequiredService<ICustomerFigures>();
            await figures.SetAsync(_member, SegmentMembershipTests.ScoreFigure, 80);
            await figures.SetAsync(other, SegmentMembershipTests.ScoreFigure, 10);
            return true;
        });
        _segment = await new SegmentBuilder().Named("High scorers")
            .Where(SegmentFields.FigurePrefix + SegmentMembershipTests.ScoreFigure, SegmentOperator.AtLeast, "50").SaveAsync(withPlugin);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Refresh_PluginRemoved_IsReportedAndLeavesTheMembersAsTheyWere()
    {
        await using var host = new CrmHostFactory(_database!, "no-plugins-here", CrmHostFixture.Settings).Start();
        Assert.Equal([_member], await SegmentMembership.OfAsync(host, _segment));

        var result = await host.InScopeAsync(s => s.GetRequiredService<SegmentService>().RefreshAsync(_segment));

        Assert.Equal(SegmentRefreshStatus.InvalidRules, result.Status);
        Assert.Equal([FieldGone], result.Errors["Rules[0].Field"]);
        Assert.Equal([_member], await SegmentMembership.OfAsync(host, _segment));
    }

    [Fact]
    public async Task RefreshJob_PluginRemoved_NamesTheSegmentInItsMessageAndLeavesTheMembers()
    {
        await using var host = new CrmHostFactory(_database!, "no-plugins-here", CrmHostFixture.Settings).Start();

        var runId = await host.InScopeAsync(s => s.GetRequiredService<IJobScheduler>().EnqueueAsync<SegmentRefreshJob>());
        var run = await JobRuns.FinishedAsync(host, runId);

        Assert.Equal(JobRunState.Succeeded, run.State);
        Assert.Contains("High scorers", run.Message, StringComparison.Ordinal);
        Assert.Equal([_member], await SegmentMembership.OfAsync(host, _segment));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : SegmentPluginGoneTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : SegmentPluginGoneTests(fixture);
}
