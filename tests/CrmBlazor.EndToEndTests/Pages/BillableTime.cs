using System.Globalization;
using System.Text.RegularExpressions;
using CrmBlazor.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The way billable time comes about, through the UI as a manager does it.</summary>
public static partial class BillableTime
{
    /// <summary>
    /// Signs in as <paramref name="manager"/>, creates the customer (billed in INR) and a project at 95 an hour
    /// with a task "Development", and logs 7.5 hours on the first day of this week. Returns their ids.
    /// </summary>
    /// <param name="session">A browser session, signed out.</param>
    /// <param name="manager">A manager.</param>
    /// <param name="customerName">The new customer's name.</param>
    /// <param name="projectName">The new project's name (at least 10 characters: the first 10 find it).</param>
    /// <param name="tags">The customer's tags, comma separated, or empty.</param>
    /// <param name="budgetHours">The project's budget in hours.</param>
    public static async Task<(long CustomerId, long ProjectId)> ArrangeAsync(BrowserSession session, Credentials manager, string customerName, string projectName, string tags = "", string budgetHours = "40")
    {
        ArgumentNullException.ThrowIfNull(session);
        var shell = await session.SignInAsync(manager);
        var page = session.Page;
        await shell.OpenFromMenuAsync("Customers");
        var customers = new CustomersPage(page);
        await customers.ExpectShownAsync();
        var dialog = await customers.OpenNewCustomerAsync();
        await dialog.FillAsync(customerName, "accounts@chennai-soft.example", "+91 44 2345 6789", tags, "சென்னை", "IN");
        await dialog.SetCurrencyAsync("INR");
        await dialog.SaveAsync();
        await new CustomerPage(page).ExpectShownAsync(customerName);
        var customerId = long.Parse(CustomerId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        var edit = new ProjectEditPage(page);
        await edit.OpenNewAsync(customerId);
        await edit.CreateAsync(projectName, "Active", "95", budgetHours);
        var project = new ProjectPage(page);
        await project.ExpectShownAsync(projectName);
        await project.AddTaskAsync("Development");
        var projectId = long.Parse(ProjectId().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);

        await shell.OpenFromMenuAsync("My time");
        var week = new WeekGridPage(page);
        await week.ExpectShownAsync();
        await week.AddRowAsync(projectName[..10], projectName, "Development");
        await week.Cells(projectName).Nth(0).FillAsync("7.5");
        await week.Cells(projectName).Nth(0).PressAsync("Tab");
        await week.SaveAsync();
        await Expect(week.Outcome).ToHaveTextAsync("Changes saved: 1.");
        return (customerId, projectId);
    }

    [GeneratedRegex(@"/customers/(\d+)")]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"/projects/(\d+)")]
    private static partial Regex ProjectId();
}
