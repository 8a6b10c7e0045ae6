using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// What a screen reader gets where the page speaks without words or changes by itself: charts come with a
/// table of their figures, long work tells its progress and its end, and a message the server gave about a
/// field is tied to that field.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ScreenReaderTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboard_EveryChart_IsANamedFigureWithATableOfItsFigures()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(Dashboard_EveryChart_IsANamedFigureWithATableOfItsFigures), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        await page.GotoAsync("/");
        await shell.WaitUntilInteractiveAsync();

        // The hours widget always draws its eight weeks; the others draw once there is data.
        var hours = page.GetByRole(AriaRole.Figure, new() { Name = "Hours per week" });
        await Expect(hours).ToBeVisibleAsync();
        foreach (var figure in await page.Locator("figure").AllAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(await figure.GetAttributeAsync("aria-label")), "A chart's figure has no name.");
            await Expect(figure.Locator(".mud-chart").First).ToBeVisibleAsync();
            await Expect(figure.GetByTestId("chart-drawing")).ToHaveAttributeAsync("aria-hidden", "true");
            Assert.True(await figure.Locator("table caption").CountAsync() == 1, "A chart has no table of its figures.");
        }

        // Screen readers find the table without anyone asking for it: its headers name the weeks and the series.
        var table = hours.GetByRole(AriaRole.Table, new() { Name = "Hours per week" });
        await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Week", "Billable", "Non-billable"]);
        await Expect(table.GetByRole(AriaRole.Rowheader)).ToHaveCountAsync(8);

        await hours.GetByRole(AriaRole.Button, new() { Name = "Show as table" }).ClickAsync();

        await Expect(table).ToBeVisibleAsync();
        await Expect(hours.Locator(".mud-chart").First).ToBeHiddenAsync();
        await Expect(hours.GetByRole(AriaRole.Button, new() { Name = "Show as chart" })).ToBeVisibleAsync();
        await browser.ScreenshotAsync("a11y-dashboard-chart-as-table");
        AxeCheck.AssertNone(await AxeCheck.ViolationsAsync(page));
    }

    [Fact]
    public async Task CustomerImport_Running_NamesItsProgressAndTellsItsEnd()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(CustomerImport_Running_NamesItsProgressAndTellsItsEnd), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var run = Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync(ImportCustomersPage.Address);
        await shell.WaitUntilInteractiveAsync();
        var import = new ImportCustomersPage(page);
        await import.ExpectShownAsync();
        await import.UploadAsync("customers.csv", string.Join("\r\n",
            "Name;Type;Currency;Country;E-mail;Contact name;Contact e-mail;Main contact",
            $"மதுரை ஆலோசனை {run};Company;INR;IN;office@madurai.example;கவிதா;kavitha@madurai.example;yes",
            $"ქუთაისის სერვისი {run};Person;GEL;GE;nino@kutaisi.example;;;") + "\r\n");
        await Expect(import.Valid).ToBeVisibleAsync();

        await import.Start.ClickAsync();

        await Expect(import.Done).ToContainTextAsync("Imported 2 customers with 1 contacts.");
        var progress = page.GetByRole(AriaRole.Progressbar, new() { Name = "Import customers" });
        await Expect(progress).ToHaveAttributeAsync("aria-valuetext", "2 of 2 customers saved…");
        await Expect(page.GetByTestId("import-progress").GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 2 customers with 1 contacts.");
    }

    [Fact]
    public async Task ProjectForm_NameRefusedByTheServer_TiesTheMessageToTheNameField()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(ProjectForm_NameRefusedByTheServer_TiesTheMessageToTheNameField), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(page);
        await customers.ExpectShownAsync();
        var dialog = await customers.OpenNewCustomerAsync();
        var customerName = "ವಿಜಯಪುರ ಸಲಹೆಗಾರರು " + Random.Shared.Next(100, 999);
        await dialog.FillAsync(customerName, "office@vijayapura.example", "+91 8352 250 100", "", "ವಿಜಯಪುರ", "IN");
        await dialog.SaveAsync();
        await new CustomerPage(page).ExpectShownAsync(customerName);
        var customerId = long.Parse(CustomerId().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await new ProjectEditPage(page).OpenNewAsync(customerId);

        // No name: the form sends it as it is, and the server refuses it.
        await page.GetByTestId("projects-edit-save").ClickAsync();

        var name = page.Locator("input[data-testid=projects-edit-name]");
        await Expect(name).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await name.GetAttributeAsync("aria-describedby");
        Assert.False(string.IsNullOrEmpty(describedBy), "The name field names no element that describes it.");
        await Expect(page.Locator($"[id='{describedBy}']")).ToHaveTextAsync("Enter the project's name.");
        await browser.ScreenshotAsync("a11y-project-name-refused");
    }

    [Fact]
    public async Task SuccessMessage_WhileShown_IsOpaqueAndMeetsContrast()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SuccessMessage_WhileShown_IsOpaqueAndMeetsContrast), output);
        var shell = await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(page);
        await customers.ExpectShownAsync();
        var dialog = await customers.OpenNewCustomerAsync();
        var customerName = "ბათუმის კონსალტინგი " + Random.Shared.Next(100, 999);
        await dialog.FillAsync(customerName, "office@batumi.example", "+995 422 27 00 00", "", "ბათუმი", "GE");
        await dialog.SaveAsync();
        var customer = new CustomerPage(page);
        await customer.ExpectShownAsync(customerName);

        await customer.LogInteractionAsync("Call", "Renewal call");

        // The message is drawn whole, not see-through: a translucent green let the page behind lower its contrast.
        var message = page.Locator(".mud-snackbar", new() { HasText = "Interaction logged." });
        await Expect(message).ToBeVisibleAsync();
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)))");
        Assert.Equal("1", await message.EvaluateAsync<string>("e => getComputedStyle(e).opacity"));
        AxeCheck.AssertNone(await AxeCheck.ViolationsAsync(page));
    }

    [GeneratedRegex(@"/customers/(\d+)")]
    private static partial Regex CustomerId();
}
