using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Conversion;

/// <summary>
/// Per-rule conversion on crafted opportunities of two rules in two currencies: the counts per outcome, won ÷
/// created and won ÷ decided, the value won per currency (never EUR and INR added together), the period by
/// the day they opened; a member of staff is refused on the server.
/// </summary>
public abstract class RuleConversionTests(UpsellHostFixture fixture)
{
    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task Conversion_OfTwoRulesInTwoCurrencies_CountsEveryOutcomeAndSumsTheValueWonPerCurrency()
    {
        var (manager, ruleA, ruleB) = await ArrangeAsync();

        var figures = await Upsell.ConversionAsync(manager, "Last90Days");

        Assert.NotNull(figures);
        var a = figures.Single(f => f.RuleId == ruleA);
        Assert.Equal((7, 1, 3, 1, 1, 1), (a.Created, a.Open, a.Won, a.Lost, a.Dismissed, a.Resolved));
        Assert.Equal(3d / 7, a.Conversion!.Value, 10);
        Assert.Equal(3d / 5, a.DecidedConversion!.Value, 10);
        Assert.Equal([("EUR", 1250.50m), ("INR", 90000m)], a.ValueWon);
        Assert.Equal(ruleA, a.RuleName);
        var b = figures.Single(f => f.RuleId == ruleB);
        Assert.Equal((3, 1, 1, 1, 0, 0), (b.Created, b.Open, b.Won, b.Lost, b.Dismissed, b.Resolved));
        Assert.Equal(1d / 3, b.Conversion!.Value, 10);
        Assert.Equal(0.5d, b.DecidedConversion!.Value, 10);
        Assert.Equal([("INR", 12000m)], b.ValueWon);
        Assert.Contains(figures, f => f.RuleId == "upsell.budget-burn");
    }

    [Theory]
    [InlineData("Last90Days", 7, 3, 1250.50)]
    [InlineData("Last12Months", 8, 4, 6250.50)]
    [InlineData("All", 9, 5, 6750.50)]
    public async Task Conversion_OverAPeriod_CountsTheOpportunitiesOpenedInIt(string period, int created, int won, decimal eurosWon)
    {
        var (manager, ruleA, _) = await ArrangeAsync();

        var a = (await Upsell.ConversionAsync(manager, period))!.Single(f => f.RuleId == ruleA);

        Assert.Equal((created, won), (a.Created, a.Won));
        Assert.Equal(eurosWon, a.ValueWon.Single(v => v.Currency == "EUR").Amount);
    }

    [Fact]
    public async Task Conversion_ForAMemberOfStaff_IsRefused()
    {
        await ArrangeAsync();
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);

        Assert.Null(await Upsell.ConversionAsync(staff, "All"));
        Assert.NotNull(await Upsell.ConversionAsync(await Person.CreateAsync(fixture.Host, CrmRoles.Admin), "All"));
    }

    /// <summary>
    /// Rule A (not loaded by any plugin, so no evaluation touches it): won 1,000.50 EUR, 250 EUR and 90,000 INR,
    /// lost 400 EUR, dismissed, open 300 EUR, resolved, and won 5,000 EUR 200 days ago and 500 EUR two years ago;
    /// rule B: won 12,000 INR, lost 1,000 INR, open.
    /// </summary>
    private async Task<(Person Manager, string RuleA, string RuleB)> ArrangeAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var customer = (await new CustomerBuilder().SaveAsync(fixture.Host)).Id;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (a, b) = ("test.conversion-a-" + suffix, "test.conversion-b-" + suffix);
        CraftedOpportunity[] crafted =
        [
            new(customer, a, "Won", "Won", 1000.50m, "EUR"),
            new(customer, a, "Won", "Won", 250m, "EUR"),
            new(customer, a, "Won", "Won", 90000m, "INR"),
            new(customer, a, "Lost", "Lost", 400m, "EUR"),
            new(customer, a, "Dismissed", "Dismissed") { DismissReason = "Not now" },
            new(customer, a, "New", null, 300m, "EUR"),
            new(customer, a, "Contacted", "Resolved", 700m, "EUR"),
            new(customer, a, "Won", "Won", 5000m, "EUR") { Age = TimeSpan.FromDays(200) },
            new(customer, a, "Won", "Won", 500m, "EUR") { Age = TimeSpan.FromDays(730) },
            new(customer, b, "Won", "Won", 12000m, "INR"),
            new(customer, b, "Lost", "Lost", 1000m, "INR"),
            new(customer, b, "Proposal", null, 2000m, "INR"),
        ];
        foreach (var opportunity in crafted)
        {
            await Upsell.CraftAsync(opportunity);
        }

        return (manager, a, b);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : RuleConversionTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : RuleConversionTests(fixture);
}
