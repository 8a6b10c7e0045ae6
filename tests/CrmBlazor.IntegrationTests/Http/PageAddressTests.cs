using System.Net;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Http;

/// <summary>
/// The core's pages that read their address (customer list, audit log, sign-in) take any value without
/// an error: a value they cannot use is left out, a day out of range moved into it, and the page says
/// so in a note; a record's address with a number that is not one is "Page not found".
/// </summary>
public abstract class PageAddressTests(CrmHostFixture fixture)
{
    public static TheoryData<string, string> UnusableValues => new()
    {
        { "/customers?tag=abc", "tag=abc" },
        { "/customers?segment=99999999999999999999", "segment=99999999999999999999" },
        { "/customers?tag=-4", "tag=-4" },
        { "/customers?tag=987654321", "tag=987654321" },
        { "/customers?segment=987654321", "segment=987654321" },
        { "/customers?owner=nobody-at-all", "owner=nobody-at-all" },
        { "/customers?q=" + new string('x', 201), "q=" + new string('x', 40) + "…" },
        { "/admin/audit?from=yesterday", "from=yesterday" },
        { "/admin/audit?from=2026-03-04&to=2026-03-01", "to=2026-03-01" },
        { "/admin/audit?owner=" + new string('o', 300), "owner=" + new string('o', 40) + "…" },
    };

    public static TheoryData<string, string> OutOfRangeDays => new()
    {
        { "/admin/audit?from=0001-01-01", "from=0001-01-01" },
        { "/admin/audit?to=9999-12-31", "to=9999-12-31" },
    };

    [Theory]
    [MemberData(nameof(UnusableValues))]
    public async Task Page_WithAValueItCannotUse_IsShownWithANoteThatItWasIgnored(string path, string shown)
    {
        using var client = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(path);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.Has("error-boundary"), "The page shows an error.");
        Assert.Contains($"The address asked for {shown}, which this page cannot use, so it was ignored.", page.TextOf("address-note"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfRangeDays))]
    public async Task Page_WithADayOutOfRange_ShowsTheNearestDayItCanWithANote(string path, string shown)
    {
        using var client = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(path);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.Has("error-boundary"), "The page shows an error.");
        Assert.Contains($"The address asked for {shown}, which is out of range, so the page shows", page.TextOf("address-note"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/customers?q=kaveri")]
    [InlineData("/admin/audit?owner=crm&from=2026-01-01&to=2026-01-31")]
    public async Task Page_WithUsableValues_ShowsNoNote(string path)
    {
        using var client = await fixture.Host.SignInAsAdministratorAsync();

        var page = HtmlPage.Parse(await client.GetStringAsync(path));

        Assert.False(page.Has("address-note"));
    }

    [Fact]
    public async Task CustomerList_WithAnExistingTag_ShowsNoNote()
    {
        var tag = "address-" + Guid.NewGuid().ToString("N")[..8];
        var customer = await new CustomerBuilder().Named("Tagged " + tag).SaveAsync(fixture.Host);
        var tagId = await fixture.Host.InScopeAsync(async services =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var added = new Tag { Name = tag, NormalizedName = CustomerService.TagKey(tag) };
            added.Customers.Add(await db.Customers.SingleAsync(c => c.Id == customer.Id));
            db.Tags.Add(added);
            await db.SaveChangesAsync();
            return added.Id;
        });
        using var client = await fixture.Host.SignInAsAdministratorAsync();

        var page = HtmlPage.Parse(await client.GetStringAsync($"/customers?tag={tagId}"));

        Assert.False(page.Has("address-note"));
    }

    [Theory]
    [InlineData("https://elsewhere.example/")]
    [InlineData("//elsewhere.example/")]
    [InlineData("/\\elsewhere.example/")]
    public async Task SignIn_WithAReturnAddressOfAnotherSite_NotesItAndGoesToTheDashboard(string returnUrl)
    {
        using var client = fixture.Host.CreateBrowserClient();

        var page = HtmlPage.Parse(await client.GetStringAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        using var signedIn = await LoginForm.SubmitAsync(client, CrmHostFactory.Administrator.Email, CrmHostFactory.Administrator.Password, "?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Contains("The address asked for returnUrl=", page.TextOf("address-note"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, signedIn.Headers.Location!).AbsolutePath);
    }

    [Theory]
    [InlineData("/customers/abc")]
    [InlineData("/customers/99999999999999999999")]
    [InlineData("/segments/abc")]
    public async Task RecordPage_WithANumberThatIsNotOne_IsNotFound(string path)
    {
        using var client = await fixture.Host.SignInAsAdministratorAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True((await HtmlPage.ReadAsync(response)).Has("not-found"));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : PageAddressTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : PageAddressTests(fixture);
}
