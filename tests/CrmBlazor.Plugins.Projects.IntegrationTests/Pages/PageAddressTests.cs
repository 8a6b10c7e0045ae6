using System.Net;
using CrmBlazor.Plugins.Projects.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Projects.IntegrationTests.Pages;

/// <summary>
/// The plugin's pages that read their address (project list, new project, day and week of time) take
/// any value without an error: a value they cannot use is left out, a day out of range is moved into
/// the calendar (whose weeks and days around it exist), and the page says so in a note.
/// </summary>
public abstract class PageAddressTests(ProjectsHostFixture fixture)
{
    public static TheoryData<string, string> UnusableValues => new()
    {
        { "/projects?status=nope", "status=nope" },
        { "/projects?customer=abc", "customer=abc" },
        { "/projects?customer=987654321", "customer=987654321" },
        { "/projects?lead=nobody-at-all", "lead=nobody-at-all" },
        { "/projects/new?customer=99999999999999999999", "customer=99999999999999999999" },
        { "/projects/new?customer=987654321", "customer=987654321" },
        { "/projects/time?week=2026-02-30", "week=2026-02-30" },
        { "/projects/time?user=nobody-at-all", "user=nobody-at-all" },
        { "/projects/time/day?date=tomorrow", "date=tomorrow" },
        { "/projects/time/day?user=nobody-at-all", "user=nobody-at-all" },
    };

    public static TheoryData<string, string> OutOfRangeDays => new()
    {
        { "/projects/time?week=9999-12-31", "week=9999-12-31" },
        { "/projects/time?week=0001-01-01", "week=0001-01-01" },
        { "/projects/time/day?date=0001-01-01", "date=0001-01-01" },
        { "/projects/time/day?date=9999-12-31", "date=9999-12-31" },
    };

    [Theory]
    [MemberData(nameof(UnusableValues))]
    public async Task Page_WithAValueItCannotUse_IsShownWithANoteThatItWasIgnored(string path, string shown)
    {
        using var client = await fixture.Host.SignInAsync((await Person.CreateAsync(fixture.Host, CrmRoles.Manager)).User);

        using var response = await client.GetAsync(path);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.Has("error-boundary"), "The page shows an error.");
        Assert.Contains($"The address asked for {shown}, which this page cannot use, so it was ignored.", page.TextOf("address-note"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfRangeDays))]
    public async Task TimePage_WithADayOutOfRange_ShowsTheNearestDayItCanWithANote(string path, string shown)
    {
        using var client = await fixture.Host.SignInAsync((await Person.CreateAsync(fixture.Host, CrmRoles.Staff)).User);

        using var response = await client.GetAsync(path);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.Has("error-boundary"), "The page shows an error.");
        Assert.Contains($"The address asked for {shown}, which is out of range, so the page shows", page.TextOf("address-note"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/projects?status=all")]
    [InlineData("/projects/time?week=2026-03-02")]
    [InlineData("/projects/time/day?date=2026-03-03")]
    public async Task Page_WithUsableValues_ShowsNoNote(string path)
    {
        using var client = await fixture.Host.SignInAsync((await Person.CreateAsync(fixture.Host, CrmRoles.Manager)).User);

        var page = HtmlPage.Parse(await client.GetStringAsync(path));

        Assert.False(page.Has("address-note"));
    }

    [Theory]
    [InlineData("/projects/abc")]
    [InlineData("/projects/99999999999999999999/edit")]
    public async Task ProjectPage_WithANumberThatIsNotOne_IsNotFound(string path)
    {
        using var client = await fixture.Host.SignInAsync((await Person.CreateAsync(fixture.Host, CrmRoles.Manager)).User);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteProjectsHostFixture fixture) : PageAddressTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresProjectsHostFixture fixture) : PageAddressTests(fixture);
}
