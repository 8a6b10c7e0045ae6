using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Documents;

/// <summary>
/// The invoice page shows the PDF in an iframe: the PDF may be framed by the CRM's own pages, while
/// the pages themselves stay unframeable (frame-ancestors 'none').
/// </summary>
public abstract class InvoicePreviewFramingTests(InvoicingHostFixture fixture)
{
    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task Pdf_ShownInline_MayBeFramedByTheSameOriginOnly()
    {
        var billing = await Billing.CreateAsync(fixture, "GEL");
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Workshop", 1, 100m);
        await Invoicing.IssueAsync(billing.Accountant, id);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/{id}.pdf");

        Assert.Equal("frame-ancestors 'self'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(["SAMEORIGIN"], response.Headers.GetValues("X-Frame-Options"));
    }

    [Fact]
    public async Task InvoicePage_ThatFramesThePdf_IsItselfNeverFramed()
    {
        var billing = await Billing.CreateAsync(fixture, "GEL");
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync("/invoices");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy.Split(';', StringSplitOptions.TrimEntries));
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoicePreviewFramingTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoicePreviewFramingTests(fixture);
}
