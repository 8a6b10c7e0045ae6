using System.Globalization;
using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// The evaluation with the promoter-with-growing-use rule on crafted data: real NPS answers through the
/// surveys plugin and time logged in the last two complete calendar quarters through the projects plugin. It
/// fires at NPS 9 and exactly 10 % growth and not at NPS 8 or a minute less, explains with the right numbers,
/// never opens a second opportunity (not even when two evaluations run at once), closes the opportunity when
/// a lower score comes in and opens a new one when the customer promotes again.
/// </summary>
public abstract class PromoterGrowingUseEvaluationTests(UpsellHostFixture fixture)
{
    private const string Rule = "upsell.promoter-growing";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    // The last complete calendar quarter and the one before it.
    private static readonly DateOnly LastQuarter = new DateOnly(Today.Year, ((Today.Month - 1) / 3 * 3) + 1, 1).AddMonths(-3);
    private static readonly DateOnly QuarterBefore = LastQuarter.AddMonths(-3);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task NpsNineAndGrowthExactlyTenPercent_OpensOneOpportunityForTheAccountManagerWithTheNumbers()
    {
        var (admin, manager, customer, contact) = await ArrangeAsync();
        await UseAsync(admin, customer, before: 600, last: 660);
        var survey = await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 9, fixture.Database);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.True(opportunity.IsOpen);
        Assert.Equal(("New", $"nps:{survey}:{Today:yyyy-MM-dd}", 50d, manager.Id), (opportunity.Stage, opportunity.SituationKey, opportunity.Score, opportunity.OwnerUserId));
        Assert.Null(opportunity.EstimatedValue);
        var shown = await Upsell.ShowAsync(manager, opportunity.Id);
        Assert.Equal($"NPS 9 on {Today.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))}; 11 h last quarter, up 10 % from 10 h", shown!.Reason);
        Assert.Equal("Promoter with growing use", shown.RuleName);
        var georgian = await Upsell.ShowAsync(manager, opportunity.Id, "ka");
        Assert.All(["NPS 9", "11", "10 %", "10"], n => Assert.Contains(n, georgian!.Reason, StringComparison.Ordinal));
        Assert.DoesNotContain("last quarter", georgian!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NpsEight_OpensNothing()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await UseAsync(admin, customer, before: 600, last: 900);
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 8, fixture.Database);

        await Upsell.EvaluateAsync();

        Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
    }

    [Fact]
    public async Task GrowthOneMinuteBelowTenPercent_OpensNothing()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await UseAsync(admin, customer, before: 600, last: 659);
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 10, fixture.Database);

        await Upsell.EvaluateAsync();

        Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
    }

    [Fact]
    public async Task TwoRunsAtOnceAndAThird_KeepOneOpportunity()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await UseAsync(admin, customer, before: 600, last: 900);
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 10, fixture.Database);

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
    public async Task ALowerScoreResolvesIt_AndPromotingAgainOpensANewOne()
    {
        var (admin, _, customer, contact) = await ArrangeAsync();
        await UseAsync(admin, customer, before: 600, last: 900);
        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 10, fixture.Database);
        await Upsell.EvaluateAsync();

        await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 6, fixture.Database);
        await Upsell.EvaluateAsync();
        var resolved = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal("Resolved", resolved.ClosedBecause);

        var again = await Upsell.AnswerSurveyAsync(admin, customer, contact, "Nps", 9, fixture.Database);
        await Upsell.EvaluateAsync();
        var all = (await Upsell.OpportunitiesOfAsync(customer)).Where(o => o.RuleId == Rule).ToList();
        Assert.Equal([(false, resolved.SituationKey), (true, $"nps:{again}:{Today:yyyy-MM-dd}")], all.Select(o => (o.IsOpen, o.SituationKey)));
    }

    // Minutes logged on one project of the customer: in the quarter before the last (split over its first and
    // last month) and in the last quarter.
    private async Task UseAsync(Person admin, long customer, int before, int last)
    {
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: null);
        await Upsell.LogTimeAsync(admin, project, QuarterBefore, before / 2);
        await Upsell.LogTimeAsync(admin, project, QuarterBefore.AddMonths(3).AddDays(-1), before - (before / 2));
        await Upsell.LogTimeAsync(admin, project, LastQuarter.AddDays(14), last);
    }

    private async Task<(Person Admin, Person Manager, long Customer, long Contact)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().ManagedBy(manager.Id).WithContact("Kavya Rao", "kavya@example.test").SaveAsync(fixture.Host);
        return (admin, manager, customer.Id, customer.Contacts.Single().Id);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : PromoterGrowingUseEvaluationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : PromoterGrowingUseEvaluationTests(fixture);
}
