using System.Globalization;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Invoices;

/// <summary>Issuing: gap-free numbers under concurrency, frozen documents, optimistic concurrency, permissions, taxes as stored.</summary>
public abstract class IssuingTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task IssuingFiftyDraftsConcurrently_GivesFiftyConsecutiveNumbersWithoutGapOrDuplicate()
    {
        var billing = await Billing.CreateAsync(fixture);
        var drafts = new List<(long Id, Guid Version)>();
        for (var i = 0; i < 50; i++)
        {
            var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
            (await Invoicing.AddLineAsync(billing.Accountant, id, $"Retainer {i}", 1, 1000m)).SavedId.ToString(CultureInfo.InvariantCulture);
            drafts.Add((id, (await Invoicing.GetAsync(id)).RowVersion));
        }

        var outcomes = await Task.WhenAll(drafts.Select(d => Task.Run(() => Invoicing.IssueAsync(billing.Accountant, d.Id, d.Version))));

        Assert.All(outcomes, o => Assert.True(o.Saved, string.Join(" ", o.Messages)));
        var issued = await Task.WhenAll(drafts.Select(d => Invoicing.GetAsync(d.Id)));
        var sequence = issued.Select(i => i.SequenceNumber!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range((int)sequence[0], 50).Select(n => (long)n), sequence);
        var year = DateTime.UtcNow.Year;
        Assert.All(issued, i => Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"INV-{year}-{i.SequenceNumber:00000}"), i.Number));
        Assert.Equal(50, issued.Select(i => i.Number).Distinct().Count());
    }

    [Fact]
    public async Task IssuedInvoice_FromTimeAndAFee_StoresGstPerRateWithTheRoundingRule()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", hourlyRate: 1500m);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new DateOnly(2026, 10, 5), 200);
        var id = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, new(2026, 10, 1), new(2026, 10, 31), taxProfile: "in-gst-intra")).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Licence", 1, 1234.56m);

        (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId.ToString(CultureInfo.InvariantCulture);

        var invoice = await Invoicing.GetAsync(id);
        Assert.Equal([5000.00m, 1234.56m], invoice.Lines.Select(l => l.Amount));
        Assert.Equal([new StoredTax("CGST", 0.09m, 6234.56m, 561.11m), new StoredTax("SGST", 0.09m, 6234.56m, 561.11m)], invoice.Taxes);
        Assert.Equal((6234.56m, 1122.22m, 7356.78m, "Issued"), (invoice.Net, invoice.Tax, invoice.Gross, invoice.Status));
    }

    [Fact]
    public async Task AddLine_DescriptionWithADirectionOverride_IsRefusedAndAddsNothing()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;

        var outcome = await Invoicing.AddLineAsync(billing.Accountant, id, "Design \u202Efdp.exe", 1, 50m);

        Assert.Equal(("Invalid", "Remove the invisible control or text-direction character at position 8."), (outcome.Status, Assert.Single(outcome.Messages)));
        Assert.Empty((await Invoicing.GetAsync(id)).Lines);
    }

    [Fact]
    public async Task AddLine_DescriptionOnTwoLinesInUrdu_IsSaved()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        const string description = "ویب سائٹ کی تیاری\r\n\u2068Phase 2\u2069 کی منصوبہ بندی";

        _ = (await Invoicing.AddLineAsync(billing.Accountant, id, description, 1, 50m)).SavedId;

        Assert.Equal(description, Assert.Single((await Invoicing.GetAsync(id)).Lines).Description);
    }

    [Fact]
    public async Task IssuedInvoice_CannotBeChanged()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = await IssuedFeeInvoiceAsync(billing, 500m);

        var outcome = await Invoicing.AddLineAsync(billing.Accountant, id, "Late fee", 1, 50m);

        Assert.Equal(("Invalid", "An issued document cannot be changed; issue a credit note instead."), (outcome.Status, Assert.Single(outcome.Messages)));
    }

    [Fact]
    public async Task Issue_WithTheVersionLoadedBeforeSomeoneElsesChange_IsAConflictAndLeavesTheDraft()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Workshop", 1, 800m);
        var seen = (await Invoicing.GetAsync(id)).RowVersion;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Travel", 1, 200m);

        var outcome = await Invoicing.IssueAsync(billing.Accountant, id, seen);

        Assert.Equal("Conflict", outcome.Status);
        Assert.Equal(("Draft", null), ((await Invoicing.GetAsync(id)).Status, (await Invoicing.GetAsync(id)).Number));
    }

    [Fact]
    public async Task Staff_MayNotIssue()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Workshop", 1, 800m);

        var outcome = await Invoicing.IssueAsync(billing.Consultant, id);

        Assert.Equal("Forbidden", outcome.Status);
        Assert.Equal("Draft", (await Invoicing.GetAsync(id)).Status);
    }

    [Fact]
    public async Task Staff_MaySeeInvoicesOfTheCustomersTheySee_ButNotPrepareThem()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = await IssuedFeeInvoiceAsync(billing, 500m);

        var number = await Invoicing.AsAsync(billing.Consultant, async services =>
        {
            dynamic queries = Invoicing.Service(services, "Features.Invoices.InvoiceQueries");
            dynamic invoice = await queries.GetAsync(id, CancellationToken.None);
            return (string)invoice.Number;
        });
        var draft = await Invoicing.DraftAsync(billing.Consultant, billing.CustomerId);

        Assert.StartsWith("INV-", number, StringComparison.Ordinal);
        Assert.Equal("Forbidden", draft.Status);
    }

    [Fact]
    public async Task IssuedInvoice_IsOnTheCustomersTimeline()
    {
        var billing = await Billing.CreateAsync(fixture, "INR");
        var id = await IssuedFeeInvoiceAsync(billing, 1000m);
        var number = (await Invoicing.GetAsync(id)).Number;

        var titles = await Eventually.ReturnsAsync(
            "the invoice reached the timeline", () => TimelineTitlesAsync(billing.CustomerId), t => t.Any(title => title.StartsWith("Invoice", StringComparison.Ordinal)));

        Assert.Contains($"Invoice {number} issued: 1,000.00 INR", titles);
    }

    private async Task<long> IssuedFeeInvoiceAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId.ToString(CultureInfo.InvariantCulture);
        return id;
    }

    private async Task<List<string>> TimelineTitlesAsync(long customerId) =>
        [.. await fixture.Database.ColumnAsync<string>("SELECT \"Title\" FROM crm_timeline_entries WHERE \"CustomerId\" = @p0", customerId)];

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : IssuingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : IssuingTests(fixture);
}
