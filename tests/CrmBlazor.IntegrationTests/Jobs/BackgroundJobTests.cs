using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Jobs;

/// <summary>A plugin's job queued through <see cref="IJobScheduler"/> with arguments runs, and its run record says so.</summary>
public abstract class BackgroundJobTests(CrmHostFixture fixture)
{
    [Fact]
    public async Task QueuedJob_WithArguments_EndsSucceeded()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);

        var runId = await FixtureAlpha.In(fixture.Host).QueueWriteNoteAsync(customer.Id, "Written by a background job");

        var run = await Eventually.ReturnsAsync("the write-note run finished", () => RunAsync(runId), r => r?.State is JobRunState.Succeeded or JobRunState.Failed);
        Assert.Equal(JobRunState.Succeeded, run!.State);
        Assert.Equal(FixtureAlpha.WriteNoteJobId, run.JobId);
        Assert.Equal(100, run.Percent);
    }

    [Fact]
    public async Task QueuedJob_WithArguments_HasUsedThemForItsEffect()
    {
        var customer = await new CustomerBuilder().SaveAsync(fixture.Host);
        var text = "Written by a background job " + Guid.NewGuid();

        var runId = await FixtureAlpha.In(fixture.Host).QueueWriteNoteAsync(customer.Id, text);

        await Eventually.HoldsAsync("the write-note run succeeded", async () => (await RunAsync(runId))?.State == JobRunState.Succeeded);
        var notes = await fixture.Database.ColumnAsync<string>("SELECT \"Text\" FROM fixture_alpha_notes WHERE \"CustomerId\" = @p0", customer.Id);
        Assert.Equal([text], notes);
    }

    private Task<JobRunInfo?> RunAsync(Guid runId) =>
        fixture.Host.InScopeAsync(services => services.GetRequiredService<IJobScheduler>().GetRunAsync(runId));

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : BackgroundJobTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : BackgroundJobTests(fixture);
}
