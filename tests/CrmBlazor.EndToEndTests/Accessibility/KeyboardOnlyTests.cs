using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using CrmBlazor.EndToEndTests.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Accessibility;

/// <summary>
/// The daily work done with the keyboard alone: after the first address is opened, no click, hover or mouse
/// move; every control is reached by Tab (<see cref="KeyboardUser.TabToAsync"/>) and operated by Enter, Space,
/// the arrow keys and typing. A control the keyboard cannot reach or operate fails the test. Also the skip
/// link, the focus ring, dialogs that keep and give back the focus, page titles and landmarks.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class KeyboardOnlyTests(EndToEndFixture app, ITestOutputHelper output)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task DailyTasks_WithTheKeyboardAlone_AreDoneFromSigningInToTheMonthlyRun()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(DailyTasks_WithTheKeyboardAlone_AreDoneFromSigningInToTheMonthlyRun), output);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        var suffix = Random.Shared.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
        var customerName = "Keyboard Consulting " + suffix;
        var projectName = "Keyboard audit " + suffix;

        // Sign in: the form's fields and Enter.
        await page.GotoAsync("/account/login");
        await user.TabToAsync("E-mail", "textbox");
        await user.TypeAsync(EndToEndFixture.Admin.Email);
        await user.TabToAsync("Password", "textbox");
        await user.TypeAsync(EndToEndFixture.Admin.Password);
        await user.PressAsync("Enter");
        var shell = new Shell(page);
        await shell.WaitUntilInteractiveAsync();
        await Expect(page).ToHaveTitleAsync("Dashboard · CrmBlazor");

        // A new customer, through the dialog.
        await user.TabToAsync("Customers", "link");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Customers", "heading");
        await user.TabToAsync("New customer", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Company", "radio");
        await user.TabToAsync("Name*", "textbox");
        await user.TypeAsync(customerName);
        await user.TabToAsync("Save", "button");
        await user.PressAsync("Enter");
        var customer = new CustomerPage(page);
        await Expect(customer.Title).ToHaveTextAsync(customerName);

        // Find it: the menu (backwards, from the page), the search box, the customer's link in the list.
        await user.TabToAsync("Customers", "link", backwards: true);
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Customers", "heading");
        await user.TabToAsync("Search", "textbox");
        await user.TypeAsync("Keyboard Consulting " + suffix[..3]);
        await Expect(page.GetByTestId("customer-row-name")).ToHaveTextAsync([customerName]);
        await user.TabToAsync(customerName, "link");
        await user.PressAsync("Enter");
        await Expect(customer.Title).ToHaveTextAsync(customerName);
        await user.ExpectFocusOnAsync(customerName, "heading");
        await Expect(page).ToHaveTitleAsync(customerName + " · CrmBlazor");

        // Log a meeting on its timeline; the focus comes back to the button that opened the dialog.
        await user.TabToAsync("Log interaction", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Channel", "combobox");
        await user.ChooseAsync("Meeting");
        await user.TabToAsync("Subject*", "textbox");
        await user.TypeAsync("Quarterly review, agreed by keyboard");
        await user.TabToAsync("Save", "button");
        await user.PressAsync("Enter");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(customer.TimelineItems.Filter(new() { HasText = "Quarterly review, agreed by keyboard" })).ToHaveCountAsync(1);
        await user.ExpectFocusOnAsync("Log interaction", "button");
        Assert.Equal("Meeting", await HostDatabase.TextAsync(app.Host,
            """SELECT "Channel" FROM crm_interactions WHERE "Subject" = @p0""", "Quarterly review, agreed by keyboard"));

        // A project for the customer, from its projects tab (tabs move with the arrow keys).
        await user.TabToAsync("Timeline", "tab");
        await MoveToTabAsync(page, user, "Projects");
        await user.PressAsync("Enter");
        await user.TabToAsync("New project", "link");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("New project", "heading");
        await user.TabToAsync("Name", "textbox");
        await user.TypeAsync(projectName);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true })).ToHaveValueAsync(projectName);
        await user.TabToAsync("Status", "combobox");
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Name", Exact = true })).ToHaveValueAsync(projectName);
        await user.ChooseAsync("Active");
        await user.TabToAsync("Hourly rate", "spinbutton");
        await user.PressAsync("Control+A");
        await user.TypeAsync("100");
        await user.TabToAsync("Save", "button");
        await user.PressAsync("Enter");
        await Expect(new ProjectPage(page).Title).ToHaveTextAsync(projectName);
        await user.ExpectFocusOnAsync(projectName, "heading");

        // The week's timesheet: a row for the project, hours on Monday and Tuesday, saved.
        await user.TabToAsync("My time", "link", backwards: true);
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("My time", "heading");
        var week = new WeekGridPage(page);
        await week.ExpectShownAsync();
        await user.TabToAsync("Add row", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Project", "combobox");
        await user.PickAsync(projectName, projectName);
        await user.TabToAsync("Add row", "button");
        await user.PressAsync("Enter");
        await Expect(week.Cells(projectName)).ToHaveCountAsync(7);
        var monday = DateOnly.ParseExact(await week.Cells(projectName).First.GetAttributeAsync("data-date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        await user.TabToAsync($"{projectName}, {monday.ToString("dddd d MMMM", English)}", "textbox");
        await user.TypeAsync("7.5");
        await user.PressAsync("Tab");
        await user.TypeAsync("6");
        await user.PressAsync("Tab");
        await Expect(week.WeekTotal).ToHaveTextAsync("13.5");
        await user.TabToAsync("Save", "button", backwards: true);
        await user.PressAsync("Enter");
        await Expect(week.Outcome).ToHaveTextAsync("Changes saved: 2.");
        Assert.Equal(810L, await HostDatabase.ScalarAsync(app.Host, """
            SELECT SUM(e."Minutes") FROM projects_time_entries e JOIN projects_projects p ON p."Id" = e."ProjectId" WHERE p."Name" = @p0
            """, projectName));

        // An invoice with a fixed fee, issued (the confirmation takes the focus to its Cancel button first).
        await user.TabToAsync("Invoices", "link", backwards: true);
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Invoices", "heading");
        await user.TabToAsync("New invoice", "link");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("New invoice", "heading");
        await user.TabToAsync("Customer", "combobox");
        await user.PickAsync(customerName, customerName);
        await user.TabToAsync("Create an empty draft (fixed fees)", "button");
        await user.PressAsync("Enter");
        var invoice = new InvoicePage(page);
        await invoice.ExpectDraftAsync();
        await user.ExpectFocusOnAsync("Draft invoice", "heading");
        await Expect(page.Locator("main").GetByText(customerName, new() { Exact = true }).First).ToBeVisibleAsync();
        await user.TabToAsync("Add fixed fee", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Description", "textbox");
        await user.TypeAsync("Accessibility review");
        await user.TabToAsync("Unit price", "spinbutton");
        await user.PressAsync("Control+A");
        await user.TypeAsync("1200");
        await user.TabToAsync("Save", "button");
        await user.PressAsync("Enter");
        await Expect(invoice.Lines).ToHaveCountAsync(1);
        await user.TabToAsync("Issue invoice", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Cancel", "button");
        await user.TabToAsync("Issue", "button");
        await user.PressAsync("Enter");
        await Expect(page.GetByTestId("invoicing-document")).ToBeVisibleAsync();
        await Expect(invoice.Title).ToHaveTextAsync(InvoiceNumber());
        var number = await invoice.Title.InnerTextAsync();
        Assert.Equal(customerName, await HostDatabase.TextAsync(app.Host, """SELECT "CustomerName" FROM invoicing_invoices WHERE "Number" = @p0""", number));

        // The monthly run of the timesheet's month drafts the customer's unbilled time, and finishes.
        await user.TabToAsync("Invoices", "link");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Invoices", "heading");
        await user.TabToAsync("Monthly runs", "link");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Monthly invoice runs", "heading");
        var month = new DateOnly(monday.Year, monday.Month, 1);
        await user.TabToAsync("Month", "combobox");
        await user.ChooseAsync(month.ToString("Y", English));
        await user.TabToAsync("Run now", "button");
        await user.PressAsync("Enter");
        var runs = new InvoiceRunsPage(page);
        await Expect(runs.Run(month)).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(runs.Drafts.Filter(new() { HasText = customerName })).ToHaveCountAsync(1);
        Assert.Equal(1L, await HostDatabase.ScalarAsync(app.Host, """
            SELECT COUNT(*) FROM invoicing_invoices WHERE "CustomerName" = @p0 AND "RunPeriod" IS NOT NULL AND "Number" IS NULL
            """, customerName));
    }

    [Fact]
    public async Task SkipLink_FirstTabStopOfAPage_IsShownAndMovesTheFocusToTheMainContent()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(SkipLink_FirstTabStopOfAPage_IsShownAndMovesTheFocusToTheMainContent), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        await page.GotoAsync("/customers");
        await new Shell(page).WaitUntilInteractiveAsync();

        await user.PressAsync("Tab");
        await user.ExpectFocusOnAsync("Skip to main content", "link");
        await Expect(page.GetByTestId("skip-link")).ToBeInViewportAsync();
        await user.PressAsync("Enter");

        Assert.Equal("main-content", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await user.PressAsync("Tab");
        await user.ExpectFocusOnAsync("Import", "link");
    }

    [Fact]
    public async Task FocusRing_OnControlsReachedByTab_IsASolidOutlineOfAtLeastTwoPixelsWhiteOnTheAppBar()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(FocusRing_OnControlsReachedByTab_IsASolidOutlineOfAtLeastTwoPixelsWhiteOnTheAppBar), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        await page.GotoAsync("/customers");
        await new Shell(page).WaitUntilInteractiveAsync();

        var rings = new Dictionary<string, string>();
        foreach (var (name, role) in new[] { ("Menu", "button"), ("Customers", "link"), ("New customer", "button"), ("Show archived customers", "switch") })
        {
            await user.TabToAsync(name, role);
            rings[name] = await page.EvaluateAsync<string>("""
                () => {
                    // The ring is on the element or, for fields and switches that hide their input, on what is shown around it.
                    let element = document.activeElement;
                    while (element && getComputedStyle(element).outlineStyle !== 'solid') element = element.parentElement;
                    if (!element) return 'none';
                    const style = getComputedStyle(element);
                    return `${style.outlineStyle} ${parseFloat(style.outlineWidth) >= 2 ? 'wide' : 'thin'} ${style.outlineColor}`;
                }
                """);
        }

        Assert.Equal("solid wide rgb(255, 255, 255)", rings["Menu"]);
        Assert.Equal("solid wide rgb(42, 92, 168)", rings["Customers"]);
        Assert.Equal("solid wide rgb(42, 92, 168)", rings["New customer"]);
        Assert.Equal("solid wide rgb(42, 92, 168)", rings["Show archived customers"]);
    }

    [Fact]
    public async Task Dialog_OpenedFromTheKeyboard_TakesTheFocusKeepsTabInsideAndGivesTheFocusBackOnEscape()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(Dialog_OpenedFromTheKeyboard_TakesTheFocusKeepsTabInsideAndGivesTheFocusBackOnEscape), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);
        await page.GotoAsync("/customers");
        await new Shell(page).WaitUntilInteractiveAsync();

        await user.TabToAsync("New customer", "button");
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("Company", "radio");

        // Round the dialog twice with Tab: the focus never leaves it. At either end the focus lands on one of
        // the trap's guards, and the server sends it round to the other end; a person waits for that (on a
        // busy machine a Tab pressed before the server answers moves on from the guard, out of the dialog).
        for (var press = 0; press < 40; press++)
        {
            await user.PressAsync("Tab");
            await page.WaitForFunctionAsync("() => !document.activeElement.matches('.mud-focus-trap > .fixed.pointer-events-none')");
            Assert.True(await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('.mud-dialog')"),
                $"Tab {press + 1} took the focus out of the dialog, to {await user.FocusedAsync()}.");
        }

        await user.PressAsync("Escape");
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await user.ExpectFocusOnAsync("New customer", "button");
    }

    [Fact]
    public async Task Pages_OpenedFromTheMenu_HaveLandmarksATitleNamingThemAndTheFocusOnTheirHeading()
    {
        await using var browser = await app.OpenBrowserAsync(nameof(Pages_OpenedFromTheMenu_HaveLandmarksATitleNamingThemAndTheFocusOnTheirHeading), output);
        await browser.SignInAsync(EndToEndFixture.Admin);
        var page = browser.Page;
        var user = new KeyboardUser(page);

        await Expect(page.GetByRole(AriaRole.Banner)).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Main)).ToHaveCountAsync(1);

        foreach (var (link, heading, title) in new[]
        {
            ("Customers", "Customers", "Customers · CrmBlazor"),
            ("Segments", "Segments", "Segments · CrmBlazor"),
            ("Projects", "Projects", "Projects · CrmBlazor"),
            ("Invoices", "Invoices", "Invoices · CrmBlazor"),
            ("Audit log", "Audit log", "Audit log · CrmBlazor"),
        })
        {
            await user.TabToAsync(link, "link", backwards: true);
            await user.PressAsync("Enter");
            await user.ExpectFocusOnAsync(heading, "heading");
            await Expect(page).ToHaveTitleAsync(title);
        }

        await user.TabToAsync("My time", "link", backwards: true);
        await user.PressAsync("Enter");
        await user.ExpectFocusOnAsync("My time", "heading");
        await Expect(page).ToHaveTitleAsync(MyTimeTitle());
    }

    [Fact]
    public async Task RefusedPage_ForSomeoneWithoutThePermission_IsTitledAccessDenied()
    {
        var staff = await HostUsers.CreateAsync(app.Host, "Staff", "Ravi Shankar");
        await using var browser = await app.OpenBrowserAsync(nameof(RefusedPage_ForSomeoneWithoutThePermission_IsTitledAccessDenied), output);
        await browser.SignInAsync(staff);
        var page = browser.Page;

        // Inside the app (a link, an address typed into no new page): the router shows the refusal in place of
        // the page. A page loaded anew is sent to the sign-in pipeline's own access-denied page instead.
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin/audit')");

        await Expect(page.GetByTestId("access-refused")).ToBeVisibleAsync();
        await Expect(page).ToHaveTitleAsync("Access denied · CrmBlazor");
    }

    // Moves along the tab list with the arrow key until the tab is focused (the tabs move the focus from the
    // server: one step at a time).
    private static async Task MoveToTabAsync(IPage page, KeyboardUser user, string tab)
    {
        var focused = await user.FocusedAsync();
        for (var step = 0; step < 10 && focused.Name != tab; step++)
        {
            var before = focused;
            await user.PressAsync("ArrowRight");
            for (var wait = 0; wait < 30 && (focused = await user.FocusedAsync()) == before; wait++)
            {
                await page.WaitForTimeoutAsync(100);
            }
        }

        await user.ExpectFocusOnAsync(tab, "tab");
    }

    [GeneratedRegex(@"^INV-\d{4}-\d{5}$")]
    private static partial Regex InvoiceNumber();

    [GeneratedRegex(@"^My time · .+ · CrmBlazor$")]
    private static partial Regex MyTimeTitle();
}
