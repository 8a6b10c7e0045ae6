using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Projects;

/// <summary>
/// The projects plugin in a browser: a manager sets up a project for a Kannada-named customer, a
/// consultant logs a week in the week grid with the keyboard (one entry is refused with its message
/// while the rest is saved, then corrected), and the manager sees the hours on the project and on
/// the customer's page.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class WeekGridTests(EndToEndFixture app, ITestOutputHelper output)
{
    [Fact]
    public async Task Consultant_LoggingAWeekInTheGrid_IsToldWhichEntryWasRefusedAndTheManagerSeesTheHours()
    {
        var manager = await HostUsers.CreateAsync(app.Host, "Manager", "Meera Iyer");
        var consultant = await HostUsers.CreateAsync(app.Host, "Staff", "Ravi Shankar");
        var customerName = "ಹುಬ್ಬಳ್ಳಿ ಕೃಷಿ ಉಪಕರಣಗಳು " + Random.Shared.Next(100, 999);
        var projectName = "Website relaunch " + Random.Shared.Next(1000, 9999);

        // The manager creates the customer, the project (40 budget hours) and a task.
        await using var managerBrowser = await app.OpenBrowserAsync(nameof(Consultant_LoggingAWeekInTheGrid_IsToldWhichEntryWasRefusedAndTheManagerSeesTheHours) + "-manager", output);
        var managerShell = await managerBrowser.SignInAsync(manager);
        var managerPage = managerBrowser.Page;
        await managerShell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(managerPage);
        await customers.ExpectShownAsync();
        var customerDialog = await customers.OpenNewCustomerAsync();
        await customerDialog.FillAsync(customerName, "office@hubballi.example", "+91 836 222 1100", "", "ಹುಬ್ಬಳ್ಳಿ", "IN");
        await customerDialog.SaveAsync();
        var customer = new CustomerPage(managerPage);
        await customer.ExpectShownAsync(customerName);
        var customerId = long.Parse(CustomerId().Match(managerPage.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        var edit = new ProjectEditPage(managerPage);
        await edit.OpenNewAsync(customerId);
        await edit.CreateAsync(projectName, "Active", "95", "40");
        var project = new ProjectPage(managerPage);
        await project.ExpectShownAsync(projectName);
        await Expect(managerPage.GetByTestId("projects-status")).ToHaveTextAsync("Active");
        await project.AddTaskAsync("Development");
        var projectUrl = managerPage.Url;

        // The consultant logs Monday to Friday with the keyboard; Thursday's "-2" is refused.
        await using var consultantBrowser = await app.OpenBrowserAsync(nameof(Consultant_LoggingAWeekInTheGrid_IsToldWhichEntryWasRefusedAndTheManagerSeesTheHours) + "-consultant", output);
        var consultantShell = await consultantBrowser.SignInAsync(consultant);
        var page = consultantBrowser.Page;
        await consultantShell.OpenFromMenuAsync("My time");
        var week = new WeekGridPage(page);
        await week.ExpectShownAsync();
        await week.AddRowAsync(projectName[..10], projectName, "Development");

        var cells = week.Cells(projectName);
        await cells.Nth(0).ClickAsync();
        await page.Keyboard.TypeAsync("7.5");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("7:30");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync("8");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("-2");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("6.5");
        await page.Keyboard.PressAsync("Tab");
        await Expect(week.WeekTotal).ToHaveTextAsync("27.5");
        await week.SaveAsync();

        await Expect(week.Outcome).ToHaveTextAsync("Changes saved: 4. Not saved: 1; see the marked cells.");
        // Screen readers are told at once what was not saved (an alert), and politely what was (a status).
        await Expect(page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Not saved: 1" })).ToHaveCountAsync(1);
        await Expect(week.CellError(projectName, 3)).ToHaveTextAsync("Hours cannot be negative.");
        await Expect(cells.Nth(3)).ToHaveValueAsync("-2");
        await Expect(cells.Nth(3)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(cells.Nth(0)).ToHaveValueAsync("7.5");
        await Expect(cells.Nth(1)).ToHaveValueAsync("7.5");
        await consultantBrowser.ScreenshotAsync("projects-10-week-with-refused-entry");

        await cells.Nth(3).FillAsync("7");
        await cells.Nth(3).PressAsync("Tab");
        await week.SaveAsync();
        await Expect(week.Outcome).ToHaveTextAsync("Changes saved: 1.");
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Changes saved: 1." })).ToHaveCountAsync(1);
        await Expect(week.CellError(projectName, 3)).ToHaveCountAsync(0);
        await Expect(week.WeekTotal).ToHaveTextAsync("36.5");
        await consultantBrowser.ScreenshotAsync("projects-20-week-saved");

        // The manager sees the hours on the project and on the customer's page.
        await managerPage.GotoAsync(projectUrl);
        await project.ExpectShownAsync(projectName);
        await Expect(project.HoursBurn).ToContainTextAsync("36.5 / 40 h");
        await managerBrowser.ScreenshotAsync("projects-30-project-with-hours");

        await managerPage.GotoAsync($"/customers/{customerId}");
        await customer.ExpectShownAsync(customerName);
        await customer.OpenTabAsync("Projects");
        var row = managerPage.GetByTestId("projects-customer-row").Filter(new() { HasText = projectName });
        await Expect(row.GetByTestId("projects-customer-row-hours")).ToContainTextAsync("36.5 / 40 h");
        await managerBrowser.ScreenshotAsync("projects-40-customer-projects-tab");
    }

    [GeneratedRegex(@"/customers/(\d+)")]
    private static partial Regex CustomerId();
}
