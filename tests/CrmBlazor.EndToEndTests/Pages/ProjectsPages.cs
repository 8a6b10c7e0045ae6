using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The project edit page (/projects/new, /projects/{id}/edit).</summary>
/// <param name="page">The browser page.</param>
public sealed class ProjectEditPage(IPage page)
{
    /// <summary>Opens the page for a new project of a customer.</summary>
    /// <param name="customerId">The customer.</param>
    public async Task OpenNewAsync(long customerId)
    {
        await page.GotoAsync($"/projects/new?customer={customerId}");
        await new Shell(page).WaitUntilInteractiveAsync();
        await Expect(page.Locator("input[data-testid=projects-edit-name]")).ToBeVisibleAsync();
    }

    /// <summary>Fills the name, the status, the hourly rate and the budget hours, and saves.</summary>
    public async Task CreateAsync(string name, string status, string rate, string budgetHours)
    {
        await page.Locator("input[data-testid=projects-edit-name]").FillAsync(name);
        var statusSelect = page.Locator(".mud-select").Filter(new() { HasText = "Status" }).First;
        await statusSelect.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(status, new() { Exact = true }).ClickAsync();
        await Expect(statusSelect.Locator("input")).ToHaveValueAsync(status);
        await page.Locator("input[data-testid=projects-edit-rate]").FillAsync(rate);
        await page.Locator("input[data-testid=projects-edit-budget-hours]").FillAsync(budgetHours);
        await page.GetByTestId("projects-edit-save").ClickAsync();
    }
}

/// <summary>A project's page (/projects/{id}).</summary>
/// <param name="page">The browser page.</param>
public sealed class ProjectPage(IPage page)
{
    /// <summary>The project's name.</summary>
    public ILocator Title => page.GetByTestId("projects-title");

    /// <summary>The hours used against the budget hours ("7.5 / 40 h").</summary>
    public ILocator HoursBurn => page.GetByTestId("projects-burn-hours");

    /// <summary>Waits until the page shows the project and runs interactively.</summary>
    public async Task ExpectShownAsync(string name)
    {
        await Expect(Title).ToHaveTextAsync(name);
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Adds a task through the tasks tab.</summary>
    public async Task AddTaskAsync(string name)
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = "Tasks" }).ClickAsync();
        await page.GetByTestId("projects-task-add").ClickAsync();
        await page.Locator(".mud-dialog input[data-testid=projects-task-name]").FillAsync(name);
        await page.GetByTestId("projects-task-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("projects-task").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }
}

/// <summary>The week grid (/projects/time).</summary>
/// <param name="page">The browser page.</param>
public sealed class WeekGridPage(IPage page)
{
    /// <summary>The grid.</summary>
    public ILocator Grid => page.GetByTestId("projects-week-grid");

    /// <summary>What the last save said.</summary>
    public ILocator Outcome => page.GetByTestId("projects-week-outcome");

    /// <summary>The week's total.</summary>
    public ILocator WeekTotal => page.GetByTestId("projects-week-total");

    /// <summary>The seven cells of a row, Monday first.</summary>
    /// <param name="projectName">The row's project.</param>
    public ILocator Cells(string projectName) =>
        page.GetByTestId("projects-week-row").Filter(new() { HasText = projectName }).Locator("input[data-testid=projects-week-cell]");

    /// <summary>The message under a cell of a row; <paramref name="day"/> counts from 0 for the first day of the week.</summary>
    public ILocator CellError(string projectName, int day) =>
        page.GetByTestId("projects-week-row").Filter(new() { HasText = projectName }).Locator("td").Nth(day).GetByTestId("projects-week-cell-error");

    /// <summary>Waits until the grid is shown and runs interactively.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(Grid).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Adds a row for a project (found by typing part of its name) and one of its tasks.</summary>
    public async Task AddRowAsync(string search, string projectName, string taskName)
    {
        // Focus follows the active tab: with several sessions open in one browser, this one may not be it.
        await page.BringToFrontAsync();
        await page.GetByTestId("projects-week-add-row").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        var project = dialog.Locator("input[data-testid=projects-row-project]");

        // The field takes the focus once the dialog has rendered, unless the browser window itself is not
        // focused (several sessions in one browser); clicking it puts the caret there either way.
        await Expect(project).ToBeEditableAsync();
        await project.ClickAsync();
        await Expect(project).ToBeFocusedAsync();
        await Pickers.ChooseAsync(page, project, search, projectName);
        await dialog.Locator(".mud-select").Filter(new() { HasText = "Task" }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(taskName, new() { Exact = true }).ClickAsync();
        await page.GetByTestId("projects-row-add").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(Cells(projectName)).ToHaveCountAsync(7);
    }

    /// <summary>Saves the week.</summary>
    public Task SaveAsync() => page.GetByTestId("projects-week-save").ClickAsync();
}
