using System.Globalization;
using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// The evaluation with the renewal rule on crafted data: projects ending through the projects plugin and real
/// CSAT answers through the surveys plugin. It fires for an end exactly 45 days ahead with CSAT 4 and not 46
/// days ahead or with CSAT 3, explains with the right numbers and values the opportunity at the project's
/// budget amount, never opens a second opportunity (not even when two evaluations run at once), closes it
/// when the end date moves out and opens a new one when it moves back in.
/// </summary>
public abstract class RenewalEvaluationTests(UpsellHostFixture fixture)
{
    private const string Rule = "upsell.renewal";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task EndingExactly45DaysAheadWithCsatFour_OpensOneOpportunityValuedAtTheBudgetWithTheNumbers()
    {
        var (admin, manager, customer, contact) = await ArrangeAsync();
        var project = await EndingAsync(admin, customer, Today.AddDays(45), "Website relaunch");
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Csat", 4, fixture.Database);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.True(opportunity.IsOpen);
        Assert.Equal(("New", $"project:{project}", 80d, manager.Id), (opportunity.Stage, opportunity.SituationKey, opportunity.Score, opportunity.OwnerUserId));
        Assert.Equal((24000m, "EUR"), (opportunity.EstimatedValue, opportunity.Currency));
        var shown = await Upsell.ShowAsync(manager, opportunity.Id);
        var end = Today.AddDays(45);
        Assert.Equal($"Website relaunch ends on {end.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))} (in 45 days); latest CSAT 4 of 5", shown!.Reason);
        Assert.Equal(("Project", "Website relaunch", $"/projects/{project}"), shown.Lines[0]);
        var tamil = await Upsell.ShowAsync(manager, opportunity.Id, "ta");
        Assert.All(["Website relaunch", "45", "4", end.Year.ToString(CultureInfo.InvariantCulture)], n => Assert.Contains(n, tamil!.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("ends on", tamil!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending46DaysAhead_OpensNothing()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await EndingAsync(admin, customer, Today.AddDays(46));
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Csat", 5, fixture.Database);

        await Upsell.EvaluateAsync();

        Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
    }

    [Fact]
    public async Task CsatThree_OpensNothing()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await EndingAsync(admin, customer, Today.AddDays(10));
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Csat", 3, fixture.Database);

        await Upsell.EvaluateAsync();

        Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
    }

    [Fact]
    public async Task TwoRunsAtOnceAndAThird_KeepOneOpportunity()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await EndingAsync(admin, customer, Today.AddDays(10));
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Csat", 5, fixture.Database);

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
    public async Task TheEndMovedOutResolvesIt_AndMovedBackInOpensANewOne()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        var project = await EndingAsync(admin, customer, Today.AddDays(30));
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Csat", 5, fixture.Database);
        await Upsell.EvaluateAsync();

        await Upsell.SetProjectEndAsync(admin, project, Today.AddDays(120));
        await Upsell.EvaluateAsync();
        var resolved = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal("Resolved", resolved.ClosedBecause);

        await Upsell.SetProjectEndAsync(admin, project, Today.AddDays(20));
        await Upsell.EvaluateAsync();
        var all = (await Upsell.OpportunitiesOfAsync(customer)).Where(o => o.RuleId == Rule).ToList();
        Assert.Equal([(false, $"project:{project}"), (true, $"project:{project}")], all.Select(o => (o.IsOpen, o.SituationKey)));
    }

    // An active project of the customer with a budget amount, ending on a day.
    private async Task<long> EndingAsync(Person admin, long customer, DateOnly end, string? name = null)
    {
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: null, name: name, budgetAmount: 24000m);
        await Upsell.SetProjectEndAsync(admin, project, end);
        return project;
    }

    private async Task<(Person Admin, Person Manager, long Customer, long Contact)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().ManagedBy(manager.Id).WithContact("Kavya Rao", "kavya@example.test").SaveAsync(fixture.Host);
        return (admin, manager, customer.Id, customer.Contacts.Single().Id);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : RenewalEvaluationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : RenewalEvaluationTests(fixture);
}
