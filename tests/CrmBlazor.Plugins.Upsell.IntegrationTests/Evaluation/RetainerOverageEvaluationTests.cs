using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Evaluation;

/// <summary>
/// The evaluation with the retainer-overage rule on crafted retainers: it fires when 2 of the last 3 complete
/// months (the defaults) went beyond the allowance and not with one, a month of exactly the allowance is not
/// over it and the current month never counts; it explains with the right numbers, never opens a second
/// opportunity (not even when two evaluations run at once), closes the opportunity when the allowance grows
/// and opens a new one when it shrinks again.
/// </summary>
public abstract class RetainerOverageEvaluationTests(UpsellHostFixture fixture)
{
    private const string Rule = "upsell.retainer-overage";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);
    private static readonly DateOnly ThisMonth = new(Today.Year, Today.Month, 1);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task RetainerOverage_TwoOfTheLastThreeMonthsOver_OpensOneOpportunityWithTheNumbers()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await RetainerAsync(admin, customer, allowance: 20m, hourlyRate: 80m, name: "Support retainer");
        await LogMonthsAsync(admin, project, 24m, 20m, 26.5m);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.True(opportunity.IsOpen);
        // 2 of 3 months (33.33) and 5.25 h beyond a 20 h allowance on average (13.13); 5.25 h × 80.
        Assert.Equal(("New", $"project:{project}", 46.46d, manager.Id), (opportunity.Stage, opportunity.SituationKey, opportunity.Score, opportunity.OwnerUserId));
        Assert.Equal((420m, "EUR"), (opportunity.EstimatedValue, opportunity.Currency));
        var shown = await Upsell.ShowAsync(manager, opportunity.Id);
        Assert.NotNull(shown);
        Assert.Equal("Allowance 20 h a month on Support retainer; over it in 2 of the last 3 months (24 h, 20 h, 26.5 h)", shown.Reason);
        Assert.Equal(("Project", "Support retainer", $"/projects/{project}"), shown.Lines[0]);
    }

    [Fact]
    public async Task RetainerOverage_OneMonthOverAndTheCurrentMonthFarOver_OpensNothing()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var project = await RetainerAsync(admin, customer, allowance: 20m);
        await LogMonthsAsync(admin, project, 24m, 20m, 20m);
        await Upsell.LogTimeAsync(admin, project, Today, 23 * 60);

        await Upsell.EvaluateAsync();

        Assert.DoesNotContain(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
    }

    [Fact]
    public async Task RetainerOverage_InKannada_ExplainsWithTheProjectAndTheHours()
    {
        var (admin, manager, customer) = await ArrangeAsync();
        var project = await RetainerAsync(admin, customer, allowance: 20m, name: "ಬೆಂಬಲ ಒಪ್ಪಂದ");
        await LogMonthsAsync(admin, project, 22m, 26.5m, 24m);

        await Upsell.EvaluateAsync();

        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Null(opportunity.EstimatedValue);
        var shown = await Upsell.ShowAsync(manager, opportunity.Id, "kn");
        Assert.Contains("ಬೆಂಬಲ ಒಪ್ಪಂದ", shown!.Reason, StringComparison.Ordinal);
        Assert.Contains("26.5", shown.Reason, StringComparison.Ordinal);
        Assert.Contains("24", shown.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("Allowance", shown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluation_TwoRunsAtOnceAndAThird_KeepOneOpportunity()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var project = await RetainerAsync(admin, customer, allowance: 20m);
        await LogMonthsAsync(admin, project, 21m, 21m, 21m);

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
    public async Task Evaluation_AllowanceRaisedThenLoweredAgain_ClosesItAndOpensANewOne()
    {
        var (admin, _, customer) = await ArrangeAsync();
        var project = await RetainerAsync(admin, customer, allowance: 20m);
        await LogMonthsAsync(admin, project, 21m, 21m, 21m);
        await Upsell.EvaluateAsync();

        await Upsell.SetServiceAndAllowanceAsync(admin, project, null, 21m);
        await Upsell.EvaluateAsync();
        var resolved = Assert.Single(await Upsell.OpportunitiesOfAsync(customer), o => o.RuleId == Rule);
        Assert.Equal("Resolved", resolved.ClosedBecause);

        await Upsell.SetServiceAndAllowanceAsync(admin, project, null, 20.5m);
        await Upsell.EvaluateAsync();
        var all = (await Upsell.OpportunitiesOfAsync(customer)).Where(o => o.RuleId == Rule).ToList();
        Assert.Equal([false, true], all.Select(o => o.IsOpen));
        Assert.Equal($"project:{project}", all[1].SituationKey);
    }

    private async Task<long> RetainerAsync(Person admin, long customer, decimal allowance, decimal? hourlyRate = null, string? name = null)
    {
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: null, hourlyRate: hourlyRate, name: name);
        await Upsell.SetServiceAndAllowanceAsync(admin, project, null, allowance);
        return project;
    }

    /// <summary>Logs the hours of each of the last complete months, oldest first, at most 8 hours a day.</summary>
    private async Task LogMonthsAsync(Person person, long project, params decimal[] hours)
    {
        for (var i = 0; i < hours.Length; i++)
        {
            var month = ThisMonth.AddMonths(i - hours.Length);
            var minutes = (int)(hours[i] * 60m);
            for (var day = 0; minutes > 0; day++)
            {
                var logged = Math.Min(minutes, 8 * 60);
                await Upsell.LogTimeAsync(person, project, month.AddDays(day), logged);
                minutes -= logged;
            }
        }
    }

    private async Task<(Person Admin, Person Manager, long Customer)> ArrangeAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().ManagedBy(manager.Id).SaveAsync(fixture.Host);
        return (admin, manager, customer.Id);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : RetainerOverageEvaluationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : RetainerOverageEvaluationTests(fixture);
}
