using CrmBlazor.Plugins.Resources.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Resources.IntegrationTests.Board;

/// <summary>
/// The planning board as the server renders it on a direct request, before it runs interactively: its
/// title and how many people it holds (the rows themselves are virtualised, so they render in the
/// browser; the cells are checked end to end).
/// </summary>
public abstract class BoardPageTests(ResourcesHostFixture fixture)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Board_ForAManager_HoldsTheirTeam_AndInTheProjectViewThoseOnTheProject()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var manager = await Person.CreateAsync(fixture.Host, CrmRoles.Manager);
        var project = await fixture.Resources.CreateProjectAsync(admin, (await new CustomerBuilder().SaveAsync(fixture.Host)).Id);
        var member = await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30), manager: manager);
        await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30), manager: manager);
        await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30));
        Assert.True((await fixture.Resources.AllocateAsync(admin, member, project, Today.AddDays(-60), Today.AddDays(60), 50m, confirm: true)).Saved);
        using var client = await fixture.Host.SignInAsync(manager.User);

        var page = HtmlPage.Parse(await client.GetStringAsync("/resources/board"));
        var projectView = HtmlPage.Parse(await client.GetStringAsync($"/resources/board?project={project}&weeks=4"));

        Assert.Contains("Planning board", page.TextOf("resources-board-title"), StringComparison.Ordinal);
        Assert.Contains("data-rows=\"2\" data-columns=\"12\"", page.Html, StringComparison.Ordinal);
        Assert.Contains("data-rows=\"1\" data-columns=\"4\"", projectView.Html, StringComparison.Ordinal);
        Assert.Contains("Planning board: Project ", projectView.TextOf("resources-board-title"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Board_ForStaff_HoldsOnlyThemselves()
    {
        var admin = await Person.CreateAsync(fixture.Host, CrmRoles.Admin);
        var staff = await Person.CreateAsync(fixture.Host, CrmRoles.Staff);
        await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30), user: staff);
        await fixture.Resources.AddPersonAsync(admin, Today.AddDays(-30));
        using var client = await fixture.Host.SignInAsync(staff.User);

        var page = HtmlPage.Parse(await client.GetStringAsync("/resources/board?weeks=4"));

        Assert.Contains("data-rows=\"1\" data-columns=\"4\"", page.Html, StringComparison.Ordinal);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteResourcesHostFixture fixture) : BoardPageTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresResourcesHostFixture fixture) : BoardPageTests(fixture);
}
