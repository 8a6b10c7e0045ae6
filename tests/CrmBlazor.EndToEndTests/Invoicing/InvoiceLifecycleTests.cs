using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Invoicing;

/// <summary>
/// The invoicing plugin in a browser (issue 5, acceptance 1): a manager logs billable time for a
/// Tamil-named customer billed in rupees; an accountant makes an invoice of it, issues it, downloads
/// its PDF, records a partial payment and issues a credit note for the time, which makes the time
/// billable again. And the monthly run (acceptance 6) shows its progress on the runs page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class InvoiceLifecycleTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Accountant_InvoicingUnbilledTimeThroughCreditNote_IssuesNumberedPdfRecordsPaymentAndReleasesTheTime()
    {
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Meera Iyer");
        var accountant = await HostUsers.CreateAsync(app.Host, "Accountant", "Nino Tsereteli");
        var customerName = "சென்னை மென்பொருள் சேவைகள் " + Random.Shared.Next(100, 999);
        var projectName = "Billing portal " + Random.Shared.Next(1000, 9999);

        // The manager sets up the customer (billed in INR) and a project at 95 an hour, and logs 7.5 hours on it.
        await using var managerBrowser = await app.OpenBrowserAsync(nameof(Accountant_InvoicingUnbilledTimeThroughCreditNote_IssuesNumberedPdfRecordsPaymentAndReleasesTheTime) + "-manager", output);
        var (customerId, _) = await BillableTime.ArrangeAsync(managerBrowser, manager, customerName, projectName);

        // The accountant starts an invoice from the customer's invoices tab: the unbilled time is shown first.
        await using var browser = await app.OpenBrowserAsync(nameof(Accountant_InvoicingUnbilledTimeThroughCreditNote_IssuesNumberedPdfRecordsPaymentAndReleasesTheTime), output);
        var shell = await browser.SignInAsync(accountant);
        var page = browser.Page;
        await page.GotoAsync($"/customers/{customerId}");
        var customer = new CustomerPage(page);
        await customer.ExpectShownAsync(customerName);
        await customer.OpenTabAsync("Invoices");
        await page.GetByTestId("invoicing-customer-new").ClickAsync();
        var newInvoice = new NewInvoicePage(page);
        await Expect(newInvoice.Entries).ToHaveCountAsync(1);
        await Expect(newInvoice.Lines).ToContainTextAsync(projectName + " · Development");
        await newInvoice.ChooseTaxProfileAsync("GST (within the state)");
        await newInvoice.CreateFromTimeAsync();

        // The draft bills the time; a fixed fee is added; totals per rate follow (CGST and SGST 9% each).
        var invoice = new InvoicePage(page);
        await invoice.ExpectDraftAsync();
        await Expect(invoice.Lines).ToHaveCountAsync(1);
        await Expect(invoice.Lines.First).ToContainTextAsync("7.5 h");
        await invoice.AddFeeAsync("Setup of the billing portal", "87.5");
        await Expect(page.GetByTestId("invoicing-tax-row")).ToHaveCountAsync(2);
        await Expect(invoice.Gross).ToContainTextAsync("944.00");
        await ShowTopAsync(page);
        await browser.ScreenshotAsync("invoicing-10-draft-editor");

        // Issuing gives the number.
        await invoice.IssueAsync();
        await Expect(invoice.Title).ToHaveTextAsync(InvoiceNumber());
        var number = await invoice.Title.InnerTextAsync();
        await Expect(invoice.State).ToHaveTextAsync("Issued");

        // The PDF is downloaded, is a PDF, and carries the number.
        var download = await invoice.DownloadPdfAsync();
        var pdfPath = Path.Combine(Path.GetTempPath(), $"e2e-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(pdfPath);
        try
        {
            var bytes = await File.ReadAllBytesAsync(pdfPath);
            Assert.True(bytes.Length > 1000 && bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8), $"The download is not a PDF ({bytes.Length} bytes).");
            Assert.Contains(number, await PdfTextAsync(pdfPath), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pdfPath);
        }

        // The page shows the PDF inline, which the host lets its own pages frame.
        await Expect(invoice.Preview).ToBeVisibleAsync();
        var preview = await page.APIRequest.GetAsync(await invoice.Preview.GetAttributeAsync("src") ?? "");
        Assert.Equal("application/pdf", preview.Headers["content-type"]);
        Assert.Equal("frame-ancestors 'self'", preview.Headers["content-security-policy"]);
        await ShowTopAsync(page, settle: 2000);
        await browser.ScreenshotAsync("invoicing-20-issued-with-pdf-preview");
        await page.EvaluateAsync("() => document.querySelector('[data-testid=invoicing-preview-frame]').scrollIntoView()");
        await page.WaitForTimeoutAsync(2000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(EndToEndFixture.ArtifactsDirectory, "invoicing-22-pdf-preview.png") });
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var invoiceUrl = page.Url;

        // A partial payment leaves the invoice partly paid, with the rest owed.
        await invoice.RecordPaymentAsync("500");
        await Expect(invoice.State).ToHaveTextAsync("Partly paid");
        await Expect(invoice.Outstanding).ToContainTextAsync("444.00");
        await Expect(page.GetByTestId("invoicing-payment")).ToHaveCountAsync(1);

        // A credit note for the time line releases the time: a new invoice offers it again.
        await invoice.CreditLinesAsync(0);
        await Expect(invoice.Title).ToHaveTextAsync(CreditNoteNumber());
        await Expect(page.GetByTestId("invoicing-credited-link")).ToHaveTextAsync(number);
        await newInvoice.OpenAsync(customerId);
        await Expect(newInvoice.Entries).ToHaveCountAsync(1);
        await Expect(newInvoice.Lines).ToContainTextAsync(projectName + " · Development");

        // The list of the customer's documents of today, and the period's CSV for the books with both numbers.
        var list = new InvoiceListPage(page);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await list.OpenAsync($"?customer={customerId}&from={today}&to={today}");
        await Expect(list.RowNumbers).ToHaveCountAsync(2);
        var csv = await page.RunAndWaitForDownloadAsync(() => list.BooksCsv.ClickAsync());
        var csvPath = await csv.PathAsync();
        var books = await File.ReadAllTextAsync(csvPath);
        Assert.Contains(number, books, StringComparison.Ordinal);
        Assert.Matches(CreditNoteNumber().ToString().Trim('^', '$'), books);
        await browser.ScreenshotAsync("invoicing-30-list");

        // The same pages right to left, in Urdu.
        await shell.ChooseLanguageAsync("ur-PK", "اردو");
        await Expect(shell.Document).ToHaveAttributeAsync("dir", "rtl");
        await browser.ScreenshotAsync("invoicing-31-list-ur");
        await page.GotoAsync(invoiceUrl);
        await Expect(invoice.Title).ToHaveTextAsync(number);
        await ShowTopAsync(page, settle: 2000);
        await browser.ScreenshotAsync("invoicing-21-issued-ur");
        await newInvoice.OpenAsync(customerId);
        await Expect(newInvoice.Entries).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("invoicing-11-new-invoice-ur");
    }

    [Fact]
    public async Task Accountant_StartingTheMonthlyRun_WatchesItsProgressAndSeesTheDraftItMade()
    {
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Meera Iyer");
        var accountant = await HostUsers.CreateAsync(app.Host, "Accountant", "Nino Tsereteli");
        var customerName = "თბილისის პროგრამული სერვისები " + Random.Shared.Next(100, 999);
        var projectName = "Support retainer " + Random.Shared.Next(1000, 9999);
        await using var managerBrowser = await app.OpenBrowserAsync(nameof(Accountant_StartingTheMonthlyRun_WatchesItsProgressAndSeesTheDraftItMade) + "-manager", output);
        await BillableTime.ArrangeAsync(managerBrowser, manager, customerName, projectName);

        // The time was logged on the first day of this week (Monday in en-GB): its month is run.
        var today = DateOnly.FromDateTime(DateTime.Now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var month = new DateOnly(monday.Year, monday.Month, 1);

        await using var browser = await app.OpenBrowserAsync(nameof(Accountant_StartingTheMonthlyRun_WatchesItsProgressAndSeesTheDraftItMade), output);
        await browser.SignInAsync(accountant);
        var runs = new InvoiceRunsPage(browser.Page);
        await runs.OpenAsync(month);
        await runs.RunNowAsync();

        // The page follows the run by itself (no reload): its row appears, its bar fills, it completes.
        var run = runs.Run(month);
        await Expect(run.GetByTestId("invoicing-run-progress")).ToBeVisibleAsync();
        await Expect(run).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(run.GetByTestId("invoicing-run-count")).ToHaveTextAsync(DoneOfTotal());
        // Screen readers get the bar's name and are told the end of the run started here.
        await Expect(run.GetByRole(AriaRole.Progressbar, new() { Name = "Progress of the run of " + month.ToString("Y", CultureInfo.GetCultureInfo("en-GB")) })).ToHaveCountAsync(1);
        await Expect(run.GetByRole(AriaRole.Status)).ToHaveTextAsync(FinishedRun());
        await Expect(runs.Drafts.Filter(new() { HasText = customerName })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("invoicing-40-monthly-run");
    }

    /// <summary>Scrolls to the top (the app bar is fixed) and lets the page settle, e.g. the PDF viewer draw, before a screenshot.</summary>
    private static async Task ShowTopAsync(Microsoft.Playwright.IPage page, int settle = 300)
    {
        // The browser's PDF viewer draws only while the frame is on screen: shown first, then the top.
        // Scrolled by script: the frame may be rendered anew meanwhile, which a located element would not survive.
        await page.EvaluateAsync("() => document.querySelector('[data-testid=invoicing-preview-frame]')?.scrollIntoView()");
        await page.WaitForTimeoutAsync(settle);

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>The text of a PDF as pdftotext (poppler-utils) extracts it.</summary>
    private static async Task<string> PdfTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext could not be started (apt-get install poppler-utils).");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return text;
    }

    [GeneratedRegex(@"^(\d+) of \1 customers$")]
    private static partial Regex DoneOfTotal();

    [GeneratedRegex(@"^The run of .+ is finished: \d+ drafts made, \d+ customers skipped\.$")]
    private static partial Regex FinishedRun();

    [GeneratedRegex(@"^INV-\d{4}-\d{5}$")]
    private static partial Regex InvoiceNumber();

    [GeneratedRegex(@"^CN-\d{4}-\d{5}$")]
    private static partial Regex CreditNoteNumber();
}
