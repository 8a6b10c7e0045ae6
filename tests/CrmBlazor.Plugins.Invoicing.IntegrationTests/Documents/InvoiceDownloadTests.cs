using System.Net;
using System.Text;
using CrmBlazor.Data;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Documents;

/// <summary>The PDF, zip and CSV downloads through the host's HTTP pipeline, authorised on the server.</summary>
public abstract class InvoiceDownloadTests(InvoicingHostFixture fixture)
{
    private const string TamilCustomer = "கயல்விழி சுப்பிரமணியம் வர்த்தக நிறுவனம்";
    private static readonly DateOnly From = new(2026, 8, 1);
    private static readonly DateOnly To = new(2026, 8, 31);

    private InvoicingPlugin Invoicing => fixture.Invoicing;

    [Fact]
    public async Task Pdf_OfAnInvoiceToATamilCustomer_HasTheNameTheTotalsAndTheAnnexAsText()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", hourlyRate: 1500m, customerName: TamilCustomer);
        await Invoicing.AddTimeAsync(billing.ProjectId, billing.Consultant.Id, new(2026, 8, 5), 200, note: "வடிவமைப்பு மதிப்பாய்வு");
        var id = (await Invoicing.DraftFromTimeAsync(billing.Accountant, billing.CustomerId, From, To, taxProfile: "in-gst-intra")).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Licence", 1, 1234.56m);
        await Invoicing.IssueAsync(billing.Accountant, id);
        var number = (await Invoicing.GetAsync(id)).Number;
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/{id}.pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        await File.WriteAllBytesAsync(Path.Combine(Path.GetTempPath(), $"invoicing-tamil-{fixture.Provider}.pdf"), pdf);
        var text = (await PdfText.ExtractAsync(pdf)).Normalize(NormalizationForm.FormC);
        Assert.Contains(TamilCustomer, text, StringComparison.Ordinal);
        Assert.Contains(number!, text, StringComparison.Ordinal);
        Assert.Contains("561.11 INR", text, StringComparison.Ordinal);
        Assert.Contains("7,356.78 INR", text, StringComparison.Ordinal);
        Assert.Contains("வடிவமைப்பு", text, StringComparison.Ordinal);
        Assert.Contains("மதிப்பாய்வு", text, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_OfACustomerNameStoredWithAnOverrideAndAControlCharacter_PrintsItInLogicalOrderWithoutThem()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR", customerName: NameStoredBeforeTheTextRule);
        var id = await IssuedFeeInvoiceAsync(billing, 100m);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/{id}.pdf");

        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Bidi gnp.exe Ltd", text, StringComparison.Ordinal);
        Assert.DoesNotContain(text, IsControlOrOverride);
    }

    [Fact]
    public async Task Pdf_WithDownload_IsAnAttachmentNamedAfterTheNumber()
    {
        var billing = await Billing.CreateAsync(fixture, "GEL");
        var id = await IssuedFeeInvoiceAsync(billing, 100m);
        var number = (await Invoicing.GetAsync(id)).Number;
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/{id}.pdf?download=true");

        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(number + ".pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Pdf_ForAUserWithoutTheViewPermission_IsForbidden()
    {
        var billing = await Billing.CreateAsync(fixture);
        var id = await IssuedFeeInvoiceAsync(billing, 100m);
        using var client = await fixture.Host.SignInAsync(await fixture.Host.CreateUserAsync(role: null));

        using var response = await client.GetAsync($"/invoicing/invoices/{id}.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Pdf_OfAnUnknownInvoice_IsNotFound()
    {
        var billing = await Billing.CreateAsync(fixture);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync("/invoicing/invoices/987654321.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pdf_WithoutSigningIn_IsUnauthorized()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync("/invoicing/invoices/1.pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Csv_OfAPeriod_HasNetAndTaxPerRateAndEscapesFormulas()
    {
        var billing = await Billing.CreateAsync(fixture, "INR", customerName: "=HYPERLINK(\"http://x\")");
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId, "in-gst-inter")).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Audit", 1, 1234.56m);
        await Invoicing.IssueAsync(billing.Accountant, id);
        var number = (await Invoicing.GetAsync(id)).Number;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/export.csv?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines.Single(l => l.Contains(number!, StringComparison.Ordinal));
        Assert.Contains("Net GST (between states)", header);
        Assert.Contains("IGST 18% (in-gst-inter)", header);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")\"", row, StringComparison.Ordinal);
        Assert.EndsWith(",1456.78", row, StringComparison.Ordinal);
        Assert.Contains(",1234.56,", row, StringComparison.Ordinal);
        Assert.Contains(",222.22,", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_CustomerNameStoredWithAnOverrideAndAControlCharacter_IsWrittenWithoutThem()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR", customerName: NameStoredBeforeTheTextRule);
        var number = (await Invoicing.GetAsync(await IssuedFeeInvoiceAsync(billing, 100m))).Number;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/export.csv?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        var row = (await response.Content.ReadAsStringAsync()).Split("\r\n").Single(l => l.Contains(number!, StringComparison.Ordinal));
        Assert.Contains(",Bidi gnp.exe Ltd,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(row, IsControlOrOverride);
    }

    [Fact]
    public async Task Csv_WithABadPeriod_IsABadRequest()
    {
        var billing = await Billing.CreateAsync(fixture);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync("/invoicing/invoices/export.csv?from=2026-09-30&to=2026-09-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Zip_OfAPeriod_HoldsOnePdfPerIssuedDocument()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR");
        var first = await IssuedFeeInvoiceAsync(billing, 100m);
        var second = await IssuedFeeInvoiceAsync(billing, 200m);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync($"/invoicing/invoices/export.zip?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains((await Invoicing.GetAsync(first)).Number + ".pdf", names);
        Assert.Contains((await Invoicing.GetAsync(second)).Number + ".pdf", names);
        Assert.All(zip.Entries, e => Assert.True(e.Length > 1000));
    }

    // A customer name stored before the text rule (the builder writes straight into the table), with a
    // right-to-left override and a control character: NUL where the database can store it, PostgreSQL cannot.
    private string NameStoredBeforeTheTextRule =>
        "Bidi \u202Egnp.exe" + (fixture.Provider == DatabaseProvider.Sqlite ? "\u0000" : "\u0007") + " Ltd";

    // Control characters other than the line and page breaks pdftotext writes, and embeddings and overrides.
    private static bool IsControlOrOverride(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\f') || c is >= '\u202A' and <= '\u202E';

    private async Task<long> IssuedFeeInvoiceAsync(Billing billing, decimal amount)
    {
        var id = (await Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, amount);
        return (await Invoicing.IssueAsync(billing.Accountant, id)).SavedId;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : InvoiceDownloadTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : InvoiceDownloadTests(fixture);
}
