using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CrmBlazor.EndToEndTests.Pages;

/// <summary>The people page of the resources plugin (/resources/people).</summary>
public sealed class ResourcesPeoplePage(IPage page)
{
    /// <summary>Opens the page and waits until it runs interactively.</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/resources/people");
        await Expect(page.GetByTestId("resources-people")).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Adds a user as a person (Monday to Friday, 7.5 hours) and returns the person's id.</summary>
    /// <param name="userName">The user's display name, as the user list shows it.</param>
    public async Task<long> AddUserAsync(string userName)
    {
        await page.GetByTestId("resources-people-add").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        var user = dialog.Locator("input[data-testid=resources-person-user], [data-testid=resources-person-user] input").First;
        await user.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = userName }).First.ClickAsync();
        await Expect(user).ToHaveValueAsync(userName);
        await dialog.GetByTestId("resources-person-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var link = page.GetByTestId("resources-person-link").Filter(new() { HasText = userName });
        await Expect(link).ToHaveCountAsync(1);
        var href = await link.GetAttributeAsync("href") ?? "";
        return long.Parse(href[(href.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>A person's page of the resources plugin (/resources/people/{id}): details, skills, weeks.</summary>
public sealed class ResourcesPersonPage(IPage page)
{
    /// <summary>The details form (team, manager, public holidays, a placeholder's name).</summary>
    public ILocator Details => page.GetByTestId("resources-details-form");

    /// <summary>The team field of the details form.</summary>
    public ILocator Team => Details.Locator("input[data-testid=resources-details-team], [data-testid=resources-details-team] input").First;

    /// <summary>The manager field of the details form (the UI kit's user picker).</summary>
    public ILocator Manager => Details.Locator("input[data-testid=resources-details-manager], [data-testid=resources-details-manager] input").First;

    /// <summary>The public-holiday calendar field of the details form.</summary>
    public ILocator Calendar => Details.Locator("input[data-testid=resources-details-calendar], [data-testid=resources-details-calendar] input").First;

    /// <summary>The rows of the person's weeks (week, capacity, away, allocated, utilisation).</summary>
    public ILocator Weeks => page.GetByTestId("resources-person-week");

    /// <summary>Opens the person's page and waits until it runs interactively.</summary>
    public async Task OpenAsync(long personId)
    {
        await page.GotoAsync($"/resources/people/{personId}");
        await Expect(page.GetByTestId("resources-person-weeks")).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Chooses a team, a manager and a public-holiday calendar (each when given) in the details form, saves it and waits until it says so.</summary>
    /// <param name="team">The team's name, or null to leave it.</param>
    /// <param name="manager">The manager's display name, or null to leave it.</param>
    /// <param name="calendar">The calendar's name, or null to leave it.</param>
    public async Task SaveDetailsAsync(string? team = null, string? manager = null, string? calendar = null)
    {
        if (calendar is not null)
        {
            await Pickers.SelectAsync(page, page.GetByTestId("resources-details-calendar"), calendar);
        }

        if (team is not null)
        {
            await Pickers.SelectAsync(page, page.GetByTestId("resources-details-team"), team);
        }

        if (manager is not null)
        {
            await Pickers.SelectAsync(page, Manager, manager);
            await Expect(Manager).ToHaveValueAsync(manager);
        }

        await page.GetByTestId("resources-details-save").ClickAsync();
        await Expect(Details.GetByTestId("change-saved")).ToHaveTextAsync("Details saved.");
    }

    /// <summary>Gives the person a skill at a level with the skills form and waits until the list shows it.</summary>
    public async Task AddSkillAsync(string skill, int level)
    {
        await page.Locator("input[data-testid=resources-skill-name]").FillAsync(skill);
        await Pickers.SelectAsync(page, page.GetByTestId("resources-skill-level"), $"Level {level} of 5");
        await page.GetByTestId("resources-skill-save").ClickAsync();
        await Expect(page.GetByTestId("resources-skill").Filter(new() { HasText = skill })).ToHaveCountAsync(1);
    }
}

/// <summary>The public-holiday calendars of the resources plugin (/resources/holidays), a year at a time.</summary>
public sealed class ResourcesHolidaysPage(IPage page)
{
    /// <summary>The days listed for the calendar and year shown.</summary>
    public ILocator Days => page.GetByTestId("resources-holiday");

    /// <summary>The form's date field.</summary>
    public ILocator Date => page.Locator("input[data-testid=resources-holiday-date], [data-testid=resources-holiday-date] input").First;

    /// <summary>The form's name field.</summary>
    public ILocator Name => page.Locator("input[data-testid=resources-holiday-name], [data-testid=resources-holiday-name] input").First;

    /// <summary>The form, with its fields' messages.</summary>
    public ILocator Form => page.GetByTestId("resources-holiday-form");

    /// <summary>What the last change said when it was saved.</summary>
    public ILocator Saved => page.GetByTestId("change-saved");

    /// <summary>Waits until the page shows and runs interactively.</summary>
    public async Task ExpectShownAsync()
    {
        await Expect(page.GetByTestId("resources-holidays")).ToBeVisibleAsync();
        await new Shell(page).WaitUntilInteractiveAsync();
    }

    /// <summary>Shows a calendar, by its name.</summary>
    public Task ChooseCalendarAsync(string name) => Pickers.SelectAsync(page, page.GetByTestId("resources-holidays-calendar"), name);

    /// <summary>Types a day (as the page's language writes dates) and a name into the form and submits it.</summary>
    public async Task AddAsync(string date, string name)
    {
        await Date.FillAsync(date);
        await Date.PressAsync("Tab");
        await Name.FillAsync(name);
        await page.GetByTestId("resources-holiday-add").ClickAsync();
    }

    /// <summary>Removes the listed day that shows <paramref name="name"/>.</summary>
    public Task RemoveAsync(string name) => Days.Filter(new() { HasText = name }).GetByTestId("resources-holiday-remove").ClickAsync();
}

/// <summary>
/// A project's team as the resources plugin shows it, in the project page's Team tab or on
/// /resources/projects/{id}: allocations, "Find people", planned against logged hours, projected burn.
/// </summary>
public sealed class ProjectTeam(IPage page)
{
    /// <summary>The allocations table.</summary>
    public ILocator Allocations => page.GetByTestId("resources-team");

    /// <summary>The people found, best first.</summary>
    public ILocator Suggestions => page.GetByTestId("resources-suggestion");

    /// <summary>"Weeks … to …: … h planned, … h logged."</summary>
    public ILocator PlannedAgainstLoggedTotals => page.GetByTestId("resources-planned-actual-totals");

    /// <summary>The rows of the planned against logged table (week, planned, logged, difference).</summary>
    public ILocator PlannedAgainstLoggedWeeks => page.GetByTestId("resources-planned-actual-week");

    /// <summary>The projected total and its share of the budget.</summary>
    public ILocator ProjectedTotal => page.GetByTestId("resources-burn-projected");

    /// <summary>The sentence on the projected burn (the week the budget is used up, or none).</summary>
    public ILocator BurnVerdict => page.GetByTestId("resources-burn-verdict");

    /// <summary>Opens the Team tab on the project page (its title in the page's language).</summary>
    /// <param name="title">The tab's title, "Team" in English.</param>
    public async Task OpenTabAsync(string title = "Team")
    {
        await page.GetByRole(AriaRole.Tab, new() { Name = title }).ClickAsync();
        await Expect(page.GetByTestId("resources-project-team")).ToBeVisibleAsync();
    }

    /// <summary>Fills the need in "Find people" with the keyboard and submits it with Enter.</summary>
    public async Task FindAsync(string skill, int level, string hoursPerWeek, int weeks)
    {
        var form = page.GetByTestId("resources-find-form");
        await form.Locator("input[data-testid=resources-find-skill], [data-testid=resources-find-skill] input").First.FillAsync(skill);
        await form.Locator("input[data-testid=resources-find-hours], [data-testid=resources-find-hours] input").First.FillAsync(hoursPerWeek);
        await form.Locator("input[data-testid=resources-find-weeks], [data-testid=resources-find-weeks] input").First.FillAsync(weeks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("resources-find-level").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = level.ToString(System.Globalization.CultureInfo.InvariantCulture) }).First.ClickAsync();
        await form.Locator("input[data-testid=resources-find-skill], [data-testid=resources-find-skill] input").First.PressAsync("Enter");
        await Expect(page.GetByTestId("resources-find-summary")).ToBeVisibleAsync();
    }

    /// <summary>The allocation dialog.</summary>
    public ILocator Dialog => page.Locator(".mud-dialog");

    /// <summary>The dialog's refusal above capacity: the person and each week's hours.</summary>
    public ILocator Overallocation => Dialog.GetByTestId("resources-overallocation");

    /// <summary>Opens "Add an allocation", chooses the person and types the hours per week (the weeks stay the four from next Monday), and presses Save.</summary>
    public async Task AddAsync(string personName, string hoursPerWeek)
    {
        await page.GetByTestId("resources-team-add").ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
        await Pickers.SelectAsync(page, Dialog.Locator(".mud-select").Filter(new() { HasText = "Person" }), personName);
        await Dialog.Locator("input[data-testid=resources-allocation-hours], [data-testid=resources-allocation-hours] input").First.FillAsync(hoursPerWeek);
        await Dialog.GetByTestId("resources-allocation-save").ClickAsync();
    }

    /// <summary>"Plan" on a person found: the allocation dialog opens filled in, and is saved as it is.</summary>
    /// <param name="name">The person's name.</param>
    public async Task PlanAsync(string name)
    {
        await Suggestions.Filter(new() { HasText = name }).GetByTestId("resources-suggestion-plan").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.Locator("input[data-testid=resources-allocation-hours], [data-testid=resources-allocation-hours] input").First).Not.ToHaveValueAsync("");
        await dialog.GetByTestId("resources-allocation-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(Allocations).ToContainTextAsync(name);
    }
}
