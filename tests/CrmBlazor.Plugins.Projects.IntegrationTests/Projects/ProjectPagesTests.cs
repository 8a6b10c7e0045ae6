using System.Net;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Projects;

/// <summary>
/// The plugin's pages as the server renders them on a direct request: managers see the hours people
/// logged; Staff cannot open management pages or another person's week by typing their address.
/// </summary>
public abstract class ProjectPagesTests(ProjectsHostFixture fixture)
{
    private const string AccessDenied = "/account/access-denied";
    // This week: the customer's figures count the last 90 days.
    private static readonly DateOnly Monday = DateOnly.FromDateTime(DateTime.Today).AddDays(-(((int)DateTime.Today.DayOfWeek + 6) % 7));

    [Fact]
    public async Task ProjectPage_ForAManager_ShowsTheHoursAConsultantLogged()
    {
        var (manager, _, project) = await ProjectWithTimeAsync();
        using var client = await fixture.Host.SignInAsync(manager.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/projects/{project}"));

        Assert.Equal("Website relaunch · ವೆಬ್‌ಸೈಟ್", page.TextOf("projects-title"));
        Assert.Equal("15 / 40 h", page.TextOf("projects-burn-hours").Replace("Hours", "", StringComparison.Ordinal).Trim());
        Assert.Equal("15", page.TextOf("projects-billable-hours"));
    }

    [Fact]
    public async Task CustomerPage_ForAManager_ShowsTheCustomersHoursAsAFigure()
    {
        var (manager, _, project) = await ProjectWithTimeAsync();
        var customerId = await fixture.Database.ScalarAsync<long>("SELECT \"CustomerId\" FROM projects_projects WHERE \"Id\" = @p0", project);
        using var client = await fixture.Host.SignInAsync(manager.User);

        var facts = await Eventually.ReturnsAsync(
            "the customer's figures were refreshed",
            async () => HtmlPage.Parse(await client.GetStringAsync($"/customers/{customerId}")).TextOf("customer-facts"),
            text => text.Contains("Hours in the last 90 days", StringComparison.Ordinal) && !text.Contains("Hours in the last 90 days –", StringComparison.Ordinal));

        Assert.Contains("Open projects 1", facts, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/projects/new")]
    [InlineData("/projects/{0}/edit")]
    public async Task ManagementPage_OpenedByStaffByItsAddress_SendsThemToAccessDenied(string path)
    {
        var (_, consultant, project) = await ProjectWithTimeAsync();
        using var client = await fixture.Host.SignInAsync(consultant.User);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, project));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccessDenied, response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task ManagementPage_OpenedByAManager_IsShown()
    {
        var (manager, _, project) = await ProjectWithTimeAsync();
        using var client = await fixture.Host.SignInAsync(manager.User);

        using var response = await client.GetAsync($"/projects/{project}/edit");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WeekOfAnotherPerson_OpenedByStaffByItsAddress_ShowsTheRefusalAndNoneOfTheirTime()
    {
        var (_, consultant, _) = await ProjectWithTimeAsync();
        var colleague = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        using var client = await fixture.Host.SignInAsync(colleague.User);

        var page = HtmlPage.Parse(await client.GetStringAsync($"/projects/time?user={consultant.Id}"));

        Assert.Equal("You may only see and change your own time.", page.TextOf("projects-time-refused"));
        Assert.False(page.Has("projects-week-grid"));
    }

    [Fact]
    public async Task OwnWeek_OpenedByStaff_ShowsTheirHoursInTheGrid()
    {
        var (_, consultant, _) = await ProjectWithTimeAsync();
        using var client = await fixture.Host.SignInAsync(consultant.User);

        var page = HtmlPage.Parse(await client.GetStringAsync("/projects/time"));

        Assert.Equal("15", page.TextOf("projects-week-total"));
        Assert.Equal(2, page.Html.Split("data-testid=\"projects-week-row\"").Length);
    }

    [Fact]
    public async Task Dashboard_ForAConsultant_ChartsTheirOwnHoursOfThisWeek()
    {
        var (_, consultant, _) = await ProjectWithTimeAsync();
        using var client = await fixture.Host.SignInAsync(consultant.User);

        var dashboard = HtmlPage.Parse(await client.GetStringAsync("/"));

        Assert.Equal("This week: 15 h billable, 0 h non-billable", dashboard.TextOf("projects-weekly-hours-total"));
        Assert.Contains("Your hours, last 8 weeks", dashboard.TextOf("projects-weekly-hours"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeekGrid_OpenedByAnAccountant_SendsThemToAccessDenied()
    {
        var accountant = await Person.CreateAsync(fixture.Host, CrmRoles.Accountant);
        using var client = await fixture.Host.SignInAsync(accountant.User);

        using var week = await client.GetAsync("/projects/time");
        using var list = await client.GetAsync("/projects");

        Assert.Equal(AccessDenied, week.Headers.Location?.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    private async Task<(Person Manager, Person Consultant, long Project)> ProjectWithTimeAsync()
    {
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var consultant = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("தஞ்சாவூர் கலைக்கூடம்").SaveAsync(fixture.Host);
        var project = await fixture.Projects.CreateProjectAsync(manager, customer.Id, input =>
        {
            input.Name = "Website relaunch · ವೆಬ್‌ಸೈಟ್";
            input.BudgetHours = 40m;
        });
        await fixture.Projects.SaveWeekAsync(consultant, consultant.Id, Monday,
            new Cell(project, Monday, 450), new Cell(project, Monday.AddDays(1), 450));
        return (manager, consultant, project);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : ProjectPagesTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : ProjectPagesTests(fixture);
}
