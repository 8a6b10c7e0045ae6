using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Budgets;

/// <summary>
/// The nightly budget check publishes "projects.budget-threshold-crossed" exactly once per crossing
/// of each threshold (80% and 100% by default): not again when it runs again, and again only after
/// the budget was raised and the new budget's threshold is crossed anew. The time here reaches the
/// database without the services, so that only the job can notice it.
/// </summary>
public abstract class BudgetThresholdJobTests(ProjectsHostFixture fixture)
{
    private static readonly DateOnly Day = new(2026, 2, 2);

    [Fact]
    public async Task BudgetCheck_UseReaching80Percent_PublishesOneEventForTheThreshold()
    {
        var (project, consultant) = await ProjectWithBudgetHoursAsync(10);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day, 8 * 60);

        await fixture.Projects.RunBudgetCheckAsync();

        var crossed = Assert.Single(await CrossingsAsync(project));
        Assert.Equal((BudgetMeasure.Hours, 80, 10m, 8m), (crossed.Measure, crossed.ThresholdPercent, crossed.Budget, crossed.Used));
    }

    [Fact]
    public async Task BudgetCheck_RunAgainWithoutChanges_PublishesNothingMore()
    {
        var (project, consultant) = await ProjectWithBudgetHoursAsync(10);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day, 9 * 60);
        await fixture.Projects.RunBudgetCheckAsync();

        await fixture.Projects.RunBudgetCheckAsync();
        await fixture.Projects.RunBudgetCheckAsync();

        Assert.Equal([80], (await CrossingsAsync(project)).Select(c => c.ThresholdPercent));
    }

    [Fact]
    public async Task BudgetCheck_UseCrossingBothThresholdsInOneGo_PublishesEachOnce()
    {
        var (project, consultant) = await ProjectWithBudgetHoursAsync(10);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day, 11 * 60);

        await fixture.Projects.RunBudgetCheckAsync();
        await fixture.Projects.RunBudgetCheckAsync();

        Assert.Equal([80, 100], (await CrossingsAsync(project)).Select(c => c.ThresholdPercent).Order());
    }

    [Fact]
    public async Task BudgetCheck_BudgetRaisedAndCrossedAnew_PublishesTheThresholdAgainWithTheNewBudget()
    {
        var (project, consultant) = await ProjectWithBudgetHoursAsync(10);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day, 8 * 60);
        await fixture.Projects.RunBudgetCheckAsync();
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day.AddDays(1), 2 * 60);
        await fixture.Projects.RunBudgetCheckAsync();

        Assert.True((await fixture.Projects.ChangeBudgetAsync(manager, project, hours: 20, amount: null)).Saved);
        await fixture.Projects.RunBudgetCheckAsync();
        var afterRaise = await CrossingsAsync(project);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day.AddDays(2), 6 * 60);
        await fixture.Projects.RunBudgetCheckAsync();
        await fixture.Projects.RunBudgetCheckAsync();

        Assert.Equal([(80, 10m), (100, 10m)], afterRaise.Select(c => (c.ThresholdPercent, c.Budget)));
        Assert.Equal([(80, 10m, 8m), (100, 10m, 10m), (80, 20m, 16m)], (await CrossingsAsync(project)).Select(c => (c.ThresholdPercent, c.Budget, c.Used)));
    }

    [Fact]
    public async Task BudgetCheck_AmountBudget_IsWatchedWithTheValueOfBillableTime()
    {
        var (project, consultant) = await ProjectWithBudgetHoursAsync(null, amount: 1000m, rate: 100m);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day, 9 * 60, billable: true);
        await fixture.Projects.AddTimeDirectlyAsync(project, consultant.Id, Day, 5 * 60, billable: false);

        await fixture.Projects.RunBudgetCheckAsync();

        var crossed = Assert.Single(await CrossingsAsync(project));
        Assert.Equal((BudgetMeasure.Amount, 80, 1000m, 900m, "EUR"), (crossed.Measure, crossed.ThresholdPercent, crossed.Budget, crossed.Used, crossed.Currency));
    }

    private async Task<(long Project, Person Consultant)> ProjectWithBudgetHoursAsync(decimal? hours, decimal? amount = null, decimal rate = 100m)
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("கோயம்புத்தூர் மில்ஸ்").SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input =>
        {
            input.BudgetHours = hours;
            input.BudgetAmount = amount;
            input.HourlyRate = rate;
        });
        return (project, consultant);
    }

    private async Task<List<BudgetThresholdCrossed>> CrossingsAsync(long projectId) =>
        (await StoredEvents.OfAsync<BudgetThresholdCrossed>(fixture.Host)).Where(e => e.ProjectId == projectId).ToList();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : BudgetThresholdJobTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : BudgetThresholdJobTests(fixture);
}
