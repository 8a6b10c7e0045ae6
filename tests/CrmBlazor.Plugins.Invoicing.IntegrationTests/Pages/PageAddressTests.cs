using System.Net;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Pages;

/// <summary>
/// The plugin's pages that read their address (invoice list, new invoice, monthly runs) take any value
/// without an error: a value they cannot use is left out, a month outside the months a run can bill is
/// moved into them, and the page says so in a note.
/// </summary>
public abstract class PageAddressTests(InvoicingHostFixture fixture)
{
    public static TheoryData<string, string> UnusableValues => new()
    {
        { "/invoices?state=nope", "state=nope" },
        { "/invoices?customer=abc", "customer=abc" },
        { "/invoices?customer=987654321", "customer=987654321" },
        { "/invoices?from=2026-13-01&to=2026-12-31", "from=2026-13-01" },
        { "/invoices?from=2026-03-31&to=2026-03-01", "to=2026-03-01" },
        { "/invoices/new?customer=99999999999999999999", "customer=99999999999999999999" },
        { "/invoices/new?customer=987654321", "customer=987654321" },
        { "/invoices/runs?month=2026-13", "month=2026-13" },
    };

    [Theory]
    [MemberData(nameof(UnusableValues))]
    public async Task Page_WithAValueItCannotUse_IsShownWithANoteThatItWasIgnored(string path, string shown)
    {
        using var client = await AccountantAsync();

        using var response = await client.GetAsync(path);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.Has("error-boundary"), "The page shows an error.");
        Assert.Contains($"The address asked for {shown}, which this page cannot use, so it was ignored.", page.TextOf("address-note"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invoices/runs?month=1999-12", "month=1999-12")]
    [InlineData("/invoices/runs?month=9999-12", "month=9999-12")]
    public async Task RunsPage_WithAMonthOutOfRange_ShowsTheNearestMonthItCanWithANote(string path, string shown)
    {
        using var client = await AccountantAsync();

        using var response = await client.GetAsync(path);

        var page = await HtmlPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(page.Has("error-boundary"), "The page shows an error.");
        Assert.Contains($"The address asked for {shown}, which is out of range, so the page shows", page.TextOf("address-note"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invoices?state=Draft&from=2026-03-01&to=2026-03-31")]
    [InlineData("/invoices/runs?month=2026-10")]
    public async Task Page_WithUsableValues_ShowsNoNote(string path)
    {
        using var client = await AccountantAsync();

        var page = HtmlPage.Parse(await client.GetStringAsync(path));

        Assert.False(page.Has("address-note"));
    }

    [Theory]
    [InlineData("/invoices/abc")]
    [InlineData("/invoices/99999999999999999999")]
    public async Task InvoicePage_WithANumberThatIsNotOne_IsNotFound(string path)
    {
        using var client = await AccountantAsync();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> AccountantAsync() => await fixture.Host.SignInAsync((await Person.CreateAsync(fixture.Host, CrmRoles.Accountant)).User);

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteInvoicingHostFixture fixture) : PageAddressTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresInvoicingHostFixture fixture) : PageAddressTests(fixture);
}
