using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Pages;

/// <summary>
/// The plugin's pages as the server renders them on a direct request: a person's weeks with what is
/// over capacity and that it has no time off, a project's team; and a colleague's planning refused to Staff who type its address.
/// </summary>
public abstract class PlanningPagesTests(ResourcesHostFixture fixture)
{
    // The tab's header (only the open tab's panel is rendered).
    private const string TeamTab = "role=\"tab\"[^>]*>Team<";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task PersonPage_ForTheirManager_MarksAWeekAboveCapacity()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var person = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30), manager: manager);
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Today.AddDays(7), Today.AddDays(13), 50m, confirm: true)).Saved);
        using var client = await fixture.Host.SignInAsync(manager.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/resources/people/{person}"));

        Assert.Contains("over capacity", page.TextOf("resources-person-weeks"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_WithoutTimeOff_SaysThereIsNone()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var person = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30));
        using var client = await fixture.Host.SignInAsync(admin.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/resources/people/{person}"));

        Assert.Contains("No time off yet.", page.TextOf("resources-time-off"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_OfAColleague_IsRefusedToStaff()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var colleague = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30));
        using var client = await fixture.Host.SignInAsync(staff.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/resources/people/{colleague}"));

        Assert.True(page.Has("resources-person-refused"));
        Assert.False(page.Has("resources-person-weeks"));
    }

    [Fact]
    public async Task TeamPage_ForAnAdministrator_ListsTheProjectsAllocations()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var person = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30));
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Today.AddDays(7), Today.AddDays(13), 12m)).Saved);
        using var client = await fixture.Host.SignInAsync(admin.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/resources/projects/{project}"));

        Assert.Contains("12 h per week", page.TextOf("resources-team"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamPage_ShowsPlannedAgainstLoggedAndSaysThereIsNoHoursBudget()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var person = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30));
        Assert.True((await fixture.Resources.AllocateAsync(admin, person, project, Today.AddDays(7), Today.AddDays(13), 12m)).Saved);
        using var client = await fixture.Host.SignInAsync(admin.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/resources/projects/{project}"));

        Assert.Contains("12 h planned, 0 h logged", page.TextOf("resources-planned-actual-totals"), StringComparison.Ordinal);
        Assert.True(page.Has("resources-planned-actual-table"));
        Assert.Contains("This project has no hours budget", page.TextOf("resources-burn-verdict"), StringComparison.Ordinal);
        Assert.True(page.Has("resources-find-people"));
    }

    [Fact]
    public async Task ProjectPage_ForAManager_HasTheTeamTab()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        using var client = await fixture.Host.SignInAsync(manager.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/projects/{project}"));

        Assert.Matches(TeamTab, page.Html);
    }

    [Fact]
    public async Task ProjectPage_ForSomeoneWithoutThePlanningPermission_HasNoTeamTab()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        using var client = await fixture.Host.SignInAsync(accountant.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/projects/{project}"));

        Assert.True(page.Has("projects-tab-time"));
        Assert.DoesNotMatch(TeamTab, page.Html);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : PlanningPagesTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : PlanningPagesTests(fixture);
}
