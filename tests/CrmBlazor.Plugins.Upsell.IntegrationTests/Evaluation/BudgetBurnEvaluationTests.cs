using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Projects;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// The evaluation with the budget-burn rule on crafted projects: it fires at the threshold (90 % by default)
/// and not below, explains with the right numbers, never opens a second opportunity (not even when two
/// evaluations run at once), closes the opportunity when the situation resolves (unless someone is working it) and opens a new one when it
/// recurs, and leaves won and dismissed (while snoozed) situations alone.
/// </summary>
public abstract class BudgetBurnEvaluationTests(UpsellHostFixture fixture)
{
    private const string Rule = "upsell.budget-burn";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task BudgetBurn_ExactlyAtTheThreshold_OpensOneOpportunityForTheAccountManagerWithTheNumbers()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m, name: "Website relaunch");
        await Upsell.LogTimeAsync(admin, project, Today, 540);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.True(opportunity.IsOpen);
        Assert.Equal(("New", $"project:{project}", 90d, manager.Id), (opportunity.Stage, opportunity.SituationKey, opportunity.Score, opportunity.OwnerUserId));
        Assert.Null(opportunity.EstimatedValue);
        var shown = await Upsell.ShowAsync(manager, opportunity.Id);
        Assert.NotNull(shown);
        Assert.Equal("Budget 10 h, 9 h logged (90 %) on Website relaunch; threshold 90 %", shown.Reason);
        Assert.Equal(("Project", "Website relaunch", $"/projects/{project}"), shown.Lines[0]);
    }

    [Fact]
    public async Task BudgetBurn_OneMinuteBelowTheThreshold_OpensNothing()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 539);

        await Upsell.EvaluateAsync();

        Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
    }

    [Fact]
    public async Task BudgetBurn_OverBudget_ValuesTheHoursBeyondAtTheRateAndExplainsInTamil()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m, hourlyRate: 80m, name: "இணையதளம்");
        await Upsell.LogTimeAsync(admin, project, Today, 690);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal((100d, 120m, "EUR"), (opportunity.Score, opportunity.EstimatedValue, opportunity.Currency));
        var shown = await Upsell.ShowAsync(manager, opportunity.Id, "ta");
        Assert.Contains("11.5", shown!.Reason, StringComparison.Ordinal);
        Assert.Contains("115", shown.Reason, StringComparison.Ordinal);
        Assert.Contains("இணையதளம்", shown.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("logged", shown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BudgetBurn_TwoProjectsOver_OneOpportunityForTheMostBurnt()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var less = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        var more = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, less, Today, 560);
        await Upsell.LogTimeAsync(admin, more, Today, 580);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal($"project:{more}", opportunity.SituationKey);
    }

    [Fact]
    public async Task Evaluation_TwoRunsAtOnceAndAThird_KeepOneOpportunity()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 600);

        var runs = await Task.WhenAll(Upsell.EvaluateAsync(), Upsell.EvaluateAsync());
        await Upsell.EvaluateAsync();

        Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        foreach (var run in runs)
        {
            var figures = await Upsell.RunAsync(run);
            Assert.True(figures.Finished);
            Assert.Null(figures.Error);
        }
    }

    [Fact]
    public async Task Evaluation_SituationResolvedThenRecurs_ClosesItAndOpensANewOne()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 600);
        await Upsell.EvaluateAsync();

        await Upsell.ChangeProjectStatusAsync(admin, project, ProjectStatus.OnHold);
        await Upsell.EvaluateAsync();
        var resolved = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal("Resolved", resolved.ClosedBecause);

        await Upsell.ChangeProjectStatusAsync(admin, project, ProjectStatus.Active);
        await Upsell.EvaluateAsync();
        var all = (await Upsell.OpportunitiesOfAsync(customer)).Where(o => o.RuleId == Rule).ToList();
        Assert.Equal(2, all.Count);
        Assert.Equal([false, true], all.Select(o => o.IsOpen));
    }

    [Fact]
    public async Task Evaluation_SituationResolvedWhileSomeoneWorksIt_LeavesItOpenForThem()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 600);
        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.True((await Upsell.MoveAsync(manager, opportunity.Id, "Contacted", opportunity.RowVersion)).Saved);

        await Upsell.ChangeProjectStatusAsync(admin, project, ProjectStatus.OnHold);
        await Upsell.EvaluateAsync();

        var kept = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal(("Contacted", true), (kept.Stage, kept.IsOpen));
    }

    [Fact]
    public async Task Evaluation_AfterTheOpportunityWasWon_DoesNotOpenTheSameSituationAgain()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 600);
        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);

        Assert.True((await Upsell.MoveAsync(manager, opportunity.Id, "Won", opportunity.RowVersion)).Saved);
        await Upsell.EvaluateAsync();

        var won = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal(("Won", "Won"), (won.Stage, won.ClosedBecause));
    }

    [Fact]
    public async Task Evaluation_DismissedAndSnoozed_StaysAwayUntilTheSnoozeEnds()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m);
        await Upsell.LogTimeAsync(admin, project, Today, 600);
        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);

        Assert.True((await Upsell.DismissAsync(manager, opportunity.Id, "They top up in spring.", Today.AddDays(30), opportunity.RowVersion)).Saved);
        await Upsell.EvaluateAsync();
        Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);

        await Upsell.EndSnoozeAsync(opportunity.Id);
        await Upsell.EvaluateAsync();
        var all = (await Upsell.OpportunitiesOfAsync(customer)).Where(o => o.RuleId == Rule).ToList();
        Assert.Equal([("Dismissed", false), ("New", true)], all.Select(o => (o.Stage, o.IsOpen)));
    }

    private async Task<(Person Admin, Person Manager, long Customer)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().ManagedBy(manager.Id).SaveAsync(fixture.Host);
        return (admin, manager, customer.Id);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : BudgetBurnEvaluationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : BudgetBurnEvaluationTests(fixture);
}
