using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The invoice list (/invoices).</summary>
/// <param name="page">The browser page.</param>
public sealed class InvoiceListPage(IPage page)
{
    /// <summary>The grid.</summary>
    public ILocator Grid => page.GetByTestId("invoicing-grid");

    /// <summary>The totals of the filtered documents, one row per currency.</summary>
    public ILocator Totals => page.GetByTestId("invoicing-total-row");

    /// <summary>The link to the CSV for the books of the chosen period.</summary>
    public ILocator BooksCsv => page.GetByTestId("invoicing-csv");

    /// <summary>The numbers (or "Draft") of the rows.</summary>
    public ILocator RowNumbers => page.GetByTestId("invoicing-row-number");

    /// <summary>Opens the list, optionally filtered by a query string, and waits until it runs interactively.</summary>
    /// <param name="query">E.g. <c>?customer=4</c>, or empty.</param>
    public async Task OpenAsync(string query = "")
    {
        await page.GotoAsync("/invoices" + query);
        await Expect(Grid).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }
}

/// <summary>The page that starts a draft (/invoices/new).</summary>
/// <param name="page">The browser page.</param>
public sealed class NewInvoicePage(IPage page)
{
    /// <summary>The unbilled time entries offered.</summary>
    public ILocator Entries => page.GetByTestId("invoicing-unbilled-entry");

    /// <summary>The lines the chosen time makes.</summary>
    public ILocator Lines => page.GetByTestId("invoicing-unbilled-line");

    /// <summary>Opens the page for a customer and waits until its unbilled time is shown.</summary>
    /// <param name="customerId">The customer.</param>
    public async Task OpenAsync(long customerId)
    {
        await page.GotoAsync($"/invoices/new?customer={customerId}");
        await new Shell(page).WaitUntilInteractiveAsync();
        await Expect(page.GetByTestId("invoicing-new-time")).ToBeVisibleAsync();
    }

    /// <summary>Chooses the tax profile by its name.</summary>
    public async Task ChooseTaxProfileAsync(string name)
    {
        await page.Locator(".mud-select").Filter(new() { HasText = "Tax profile" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(name, new() { Exact = true }).ClickAsync();
    }

    /// <summary>Makes the draft from the chosen time; the editor opens.</summary>
    public Task CreateFromTimeAsync() => page.GetByTestId("invoicing-new-from-time").ClickAsync();
}

/// <summary>A document's page (/invoices/{id}): the draft editor or the issued document.</summary>
/// <param name="page">The browser page.</param>
public sealed class InvoicePage(IPage page)
{
    /// <summary>The title: the number once issued.</summary>
    public ILocator Title => page.GetByTestId("invoicing-title");

    /// <summary>The state chip.</summary>
    public ILocator State => page.GetByTestId("invoicing-status").First;

    /// <summary>The lines.</summary>
    public ILocator Lines => page.GetByTestId("invoicing-line");

    /// <summary>The gross total.</summary>
    public ILocator Gross => page.GetByTestId("invoicing-gross");

    /// <summary>What is still owed on an issued invoice.</summary>
    public ILocator Outstanding => page.GetByTestId("invoicing-outstanding");

    /// <summary>The PDF shown in the page.</summary>
    public ILocator Preview => page.GetByTestId("invoicing-preview-frame");

    /// <summary>Waits until the draft editor is shown and runs interactively.</summary>
    public async Task ExpectDraftAsync()
    {
        await Expect(page.GetByTestId("invoicing-editor")).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Adds a fixed fee through its dialog.</summary>
    public async Task AddFeeAsync(string description, string unitPrice)
    {
        var before = await Lines.CountAsync();
        await page.GetByTestId("invoicing-add-fee").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.Locator("textarea[data-testid=invoicing-line-description]").FillAsync(description);
        await dialog.Locator("input[data-testid=invoicing-line-price]").FillAsync(unitPrice);
        await page.GetByTestId("invoicing-line-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(Lines).ToHaveCountAsync(before + 1);
    }

    /// <summary>Issues the draft (confirming) and waits for its number.</summary>
    public async Task IssueAsync()
    {
        await page.GetByTestId("invoicing-issue").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Issue", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("invoicing-document")).ToBeVisibleAsync();
    }

    /// <summary>Whether and when the document was sent, and to whom ("Sent on … to …").</summary>
    public ILocator SentState => page.GetByTestId("invoicing-sent-state");

    /// <summary>The button that sends the document by e-mail (again).</summary>
    public ILocator Send => page.GetByTestId("invoicing-send");

    /// <summary>Opens the send dialog and returns the recipient it shows before anything is sent.</summary>
    public async Task<ILocator> OpenSendAsync()
    {
        await Send.ClickAsync();
        var recipient = page.Locator(".mud-dialog").GetByTestId("invoicing-send-recipient");
        await Expect(recipient).ToBeVisibleAsync();
        return recipient;
    }

    /// <summary>Confirms the open send dialog and waits until it is closed.</summary>
    public async Task ConfirmSendAsync()
    {
        await page.GetByTestId("invoicing-send-confirm").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Downloads the PDF through the page's button.</summary>
    public Task<IDownload> DownloadPdfAsync() =>
        page.RunAndWaitForDownloadAsync(() => page.GetByTestId("invoicing-download").ClickAsync());

    /// <summary>Records a payment of an amount, received today.</summary>
    public async Task RecordPaymentAsync(string amount)
    {
        await page.GetByTestId("invoicing-record-payment").ClickAsync();
        var field = page.Locator(".mud-dialog input[data-testid=invoicing-payment-amount]");
        await field.FillAsync(amount);
        await page.GetByTestId("invoicing-payment-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    /// <summary>Issues a credit note for the chosen lines (by their position, from 0) and waits for the credit note's page.</summary>
    public async Task CreditLinesAsync(params int[] lines)
    {
        var invoiceUrl = page.Url;
        await page.GetByTestId("invoicing-credit").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.GetByText("Chosen lines", new() { Exact = true }).ClickAsync();
        foreach (var line in lines)
        {
            // MudCheckBox puts the test id on its input. For the whole invoice every line shows checked and
            // disabled: the box is checked once the choice of lines has reached the server and enabled it.
            var box = dialog.GetByTestId("invoicing-credit-line-check").Nth(line);
            await Expect(box).ToBeEnabledAsync();
            await box.CheckAsync();
        }

        await page.GetByTestId("invoicing-credit-issue").ClickAsync();
        await page.WaitForURLAsync(url => url != invoiceUrl);
        await Expect(page.GetByTestId("invoicing-document")).ToBeVisibleAsync();
    }
}

/// <summary>The monthly invoice runs (/invoices/runs).</summary>
/// <param name="page">The browser page.</param>
public sealed class InvoiceRunsPage(IPage page)
{
    /// <summary>The row of a month's run.</summary>
    /// <param name="month">The month's first day.</param>
    public ILocator Run(DateOnly month) =>
        page.Locator($"[data-testid=invoicing-run][data-period='{month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}']");

    /// <summary>The documents the shown month's runs made.</summary>
    public ILocator Drafts => page.GetByTestId("invoicing-run-draft");

    /// <summary>Opens the page with a month chosen and waits until it runs interactively.</summary>
    /// <param name="month">The month's first day.</param>
    public async Task OpenAsync(DateOnly month)
    {
        await page.GotoAsync("/invoices/runs?month=" + month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("invoicing-run-start")).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Starts a run of the chosen month.</summary>
    public Task RunNowAsync() => page.GetByTestId("invoicing-run-now").ClickAsync();
}
