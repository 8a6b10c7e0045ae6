using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.IntegrationTests.Jobs;
using CrmBlazor.Sdk.Jobs;
using CrmBlazor.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Data;

/// <summary>
/// The query planner's statistics follow the data: SQLite has none of its own, so the host refreshes
/// them (PRAGMA optimize) at start-up and every hour; PostgreSQL's autovacuum keeps its own, and the
/// job has nothing to do there.
/// </summary>
public abstract class PlannerStatisticsTests(CrmHostFixture fixture)
{
    private const string JobId = "crm:planner-statistics";

    [Fact]
    public void PlannerStatisticsJob_IsScheduledEveryHour()
    {
        var job = Assert.Single(RecurringJobTests.RecurringJobsIn(fixture), j => j.Id == JobId);

        Assert.Equal("41 * * * *", job.Cron);
    }

    [Fact]
    public async Task PlannerStatisticsJob_Triggered_RunsToSuccess()
    {
        await TriggerAndAwaitSuccessAsync(fixture);
    }

    internal static async Task TriggerAndAwaitSuccessAsync(CrmHostFixture fixture)
    {
        var before = (await RunsAsync(fixture)).Select(r => r.Id).ToList();

        fixture.Host.Services.GetRequiredService<IRecurringJobManager>().Trigger(JobId);

        await Eventually.ReturnsAsync(
            "a new planner statistics run succeeded",
            async () => (await RunsAsync(fixture)).Where(r => !before.Contains(r.Id)).ToList(),
            runs => runs.Any(r => r.State == JobRunState.Succeeded));
    }

    private static Task<List<JobRun>> RunsAsync(CrmHostFixture fixture) => fixture.Host.InScopeAsync(async services =>
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await db.JobRuns.AsNoTracking().Where(r => r.JobId == JobId).ToListAsync();
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PlannerStatisticsTests(fixture)
    {
        [Fact]
        public async Task PlannerStatisticsJob_AfterTheCustomersGrewManyFold_GivesThePlannerTheirNumber()
        {
            // PRAGMA optimize analyzes a table again once its size changed many-fold since its last
            // statistics (10-fold, or 25-fold in recent SQLite versions), and always one without any:
            // grow the customers 30-fold over what the statistics say, whatever the other tests left.
            var known = await StatisticsAsync() ?? 0;
            var customers = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");
            await AddCustomersAsync((int)Math.Max(30, (known * 30) - customers + 1));

            await TriggerAndAwaitSuccessAsync(fixture);

            Assert.Equal(await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"), await StatisticsAsync());
        }

        // The number of rows SQLite's statistics give the customers' name index, or null without statistics.
        private async Task<long?> StatisticsAsync()
        {
            var statistics = (await fixture.Database.ColumnAsync<string>(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = 'crm_customers' AND idx = 'IX_crm_customers_IsArchived_Name_Id'")).SingleOrDefault();
            return statistics is null ? null : long.Parse(statistics.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }

        private Task AddCustomersAsync(int count) => fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var now = DateTimeOffset.UtcNow;
            db.Customers.AddRange(Enumerable.Range(0, count).Select(i => new Customer
            {
                Kind = CustomerKind.Company,
                Name = $"Planner statistics {Guid.NewGuid():N}",
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
        });
    }

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PlannerStatisticsTests(fixture);
}
