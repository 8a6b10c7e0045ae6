using CrmBlazor.Plugins.Upsell.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Upsell.IntegrationTests.Timeline;

/// <summary>
/// The customer's timeline tells of the opportunities: one entry when the evaluation opens one (not a second
/// when the evaluation runs again, nor when two runs overlap), one when a user wins it, one when a user
/// dismisses it.
/// </summary>
public abstract class OpportunityTimelineTests(UpsellHostFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    private UpsellPlugin Upsell => fixture.Upsell;

    [Fact]
    public async Task Opened_EvaluatedAgain_OneEntryWithTheReasonAndTheLink()
    {
        var (_, customer) = await ArrangeBurntAsync();

        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer));
        var entries = await Eventually.ReturnsAsync("the opening reached the timeline", () => EntriesAsync(customer), e => e.Count > 0);
        await Upsell.EvaluateAsync();
        await UpsellEventsDeliveredAsync();

        entries = await EntriesAsync(customer);
        var entry = Assert.Single(entries);
        Assert.Equal(("upsell.opportunity-opened", $"/upsell/opportunities/{opportunity.Id}"), (entry.Kind, entry.Link));
        Assert.Equal("Upsell opportunity: Budget burn, score 95", entry.Title);
        Assert.Equal("Budget 10 h, 9.5 h logged (95 %) on Website relaunch; threshold 90 %", entry.Summary);
    }

    [Fact]
    public async Task Opened_ByTwoOverlappingRuns_OneEntry()
    {
        var (_, customer) = await ArrangeBurntAsync();

        await Task.WhenAll(Upsell.EvaluateAsync(), Upsell.EvaluateAsync());
        await Eventually.ReturnsAsync("the opening reached the timeline", () => EntriesAsync(customer), e => e.Count > 0);
        await UpsellEventsDeliveredAsync();

        Assert.Single(await EntriesAsync(customer), e => e.Kind == "upsell.opportunity-opened");
    }

    [Fact]
    public async Task Won_OneEntryBesideTheOpening()
    {
        var (admin, customer) = await ArrangeBurntAsync();
        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer));

        Assert.True((await Upsell.MoveAsync(admin, opportunity.Id, "Won", opportunity.RowVersion)).Saved);

        var entries = await Eventually.ReturnsAsync("the win reached the timeline", () => EntriesAsync(customer), e => e.Any(x => x.Kind == "upsell.opportunity-won"));
        await UpsellEventsDeliveredAsync();
        entries = await EntriesAsync(customer);
        Assert.Equal(["upsell.opportunity-opened", "upsell.opportunity-won"], entries.Select(e => e.Kind).Order(StringComparer.Ordinal));
        Assert.Equal("Upsell opportunity won: Budget burn", entries.Single(e => e.Kind == "upsell.opportunity-won").Title);
    }

    [Fact]
    public async Task Dismissed_OneEntry_WithoutTheFreeTextReason()
    {
        var (admin, customer) = await ArrangeBurntAsync();
        await Upsell.EvaluateAsync();
        var opportunity = Assert.Single(await Upsell.OpportunitiesOfAsync(customer));

        Assert.True((await Upsell.DismissAsync(admin, opportunity.Id, "Budget raised by the customer", Today.AddDays(30), opportunity.RowVersion)).Saved);

        var entries = await Eventually.ReturnsAsync("the dismissal reached the timeline", () => EntriesAsync(customer), e => e.Any(x => x.Kind == "upsell.opportunity-dismissed"));
        var dismissed = entries.Single(e => e.Kind == "upsell.opportunity-dismissed");
        Assert.Equal(("Upsell opportunity dismissed: Budget burn", null), (dismissed.Title, dismissed.Summary));
    }

    private async Task<(Person Admin, long Customer)> ArrangeBurntAsync()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = (await new CustomerBuilder().ManagedBy(manager.Id).SaveAsync(fixture.Host)).Id;
        var project = await Upsell.CreateProjectAsync(admin, customer, budgetHours: 10m, name: "Website relaunch");
        await Upsell.LogTimeAsync(admin, project, Today, 570);
        return (admin, customer);
    }

    private Task UpsellEventsDeliveredAsync() => Eventually.HoldsAsync("every upsell event was delivered", async () =>
        await fixture.Host.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_domain_events WHERE \"Name\" LIKE 'upsell.%' AND \"CompletedAt\" IS NULL") == 0);

    private async Task<List<Entry>> EntriesAsync(long customerId)
    {
        var kinds = await fixture.Host.Database.ColumnAsync<string>("SELECT \"Kind\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0 AND \"Kind\" LIKE 'upsell.%' ORDER BY \"Id\"", customerId);
        var titles = await fixture.Host.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0 AND \"Kind\" LIKE 'upsell.%' ORDER BY \"Id\"", customerId);
        var summaries = await fixture.Host.Database.ColumnAsync<string?>("SELECT \"Summary\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0 AND \"Kind\" LIKE 'upsell.%' ORDER BY \"Id\"", customerId);
        var links = await fixture.Host.Database.ColumnAsync<string?>("SELECT \"Link\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0 AND \"Kind\" LIKE 'upsell.%' ORDER BY \"Id\"", customerId);
        return [.. kinds.Select((k, i) => new Entry(k, titles[i], summaries[i], links[i]))];
    }

    private sealed record Entry(string Kind, string Title, string? Summary, string? Link);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteUpsellHostFixture fixture) : OpportunityTimelineTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresUpsellHostFixture fixture) : OpportunityTimelineTests(fixture);
}
