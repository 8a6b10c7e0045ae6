using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Privacy;

/// <summary>A customer who is a person: their invoices are part of their export; erasure deletes drafts and keeps issued invoices as issued.</summary>
public abstract class InvoicingPersonalDataTests(InvoicingHostFixture fixture)
{
    private const string Name = "ნინო წერეთელი";

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task Export_OfACustomerWhoIsAPerson_ListsTheirInvoices()
    {
        var (billing, issued, _, _) = await PersonWithInvoicesAsync();
        var number = (await Invoicing.GetAsync(issued)).Number;

        var export = await fixture.Host.AsUserAsync(CrmHostFactory.Administrator, services =>
            services.GetRequiredService<PersonalDataService>().ExportAsync(billing.CustomerId, CancellationToken.None));

        var invoices = export!["plugins"]!["invoicing"]!["invoices"]!.AsArray();
        Assert.Contains(number, invoices.Select(i => (string?)i!["number"]));
        Assert.All(invoices, i => Assert.Equal(Name, (string?)i!["customerName"]));
    }

    [Fact]
    public async Task Erase_DeletesDraftsReleasingTheirTime_AndKeepsIssuedInvoicesAsIssued()
    {
        var (billing, issued, draft, draftEntry) = await PersonWithInvoicesAsync();

        await fixture.Host.AsUserAsync(CrmHostFactory.Administrator, services =>
            services.GetRequiredService<PersonalDataService>().EraseAsync(billing.CustomerId, CancellationToken.None));

        var kept = await Invoicing.GetAsync(issued);
        Assert.Equal(("Issued", Name), (kept.Status, (await CustomerNameOnInvoiceAsync(issued))));
        Assert.Empty(await fixture.Database.ColumnAsync<long>("SELECT \"Id\" FROM invoicing_invoices WHERE \"Id\" = @p0", draft));
        Assert.Null(await Invoicing.BilledInvoiceOfAsync(draftEntry));
    }

    private async Task<(Billing Billing, long Issued, long Draft, long DraftEntry)> PersonWithInvoicesAsync()
    {
        var customer = await new CustomerBuilder().Named(Name).WithEmail($"nino.{Guid.NewGuid():N}@example.test").APerson().BilledIn("GEL").SaveAsync(fixture.Host);
        var template = await Billing.CreateAsync(fixture, "GEL");
        var billing = template with { CustomerId = customer.Id, ProjectId = await Invoicing.CreateProjectAsync(template.Manager, customer.Id, 80m) };
        var issued = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId, "ge-vat")).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, issued, "Consultation", 2, 150m);
        await Invoicing.IssueAsync(billing.Accountant, issued);
        var entry = await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 5, 4), 90);
        var draft = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, new(2026, 5, 1), new(2026, 5, 31))).SavedId;
        return (billing, issued, draft, entry);
    }

    private async Task<string> CustomerNameOnInvoiceAsync(long invoiceId) =>
        (await fixture.Database.ColumnAsync<string>("SELECT \"CustomerName\" FROM invoicing_invoices WHERE \"Id\" = @p0", invoiceId)).Single();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoicingPersonalDataTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoicingPersonalDataTests(fixture);
}
