using System.Net;
using CrmBlazor.Plugins.Invoicing.IntegrationTests.Hosting;
using CrmBlazor.Testing;

namespace CrmBlazor.Plugins.Invoicing.IntegrationTests.Documents;

/// <summary>
/// How the plugin's endpoints (PDF, period zip, CSV for the books) answer, in Development as in
/// Production: a bad value with 400 and a problem naming it, their other errors with a problem (never a
/// stack trace or an HTML page), and documents with <c>Cache-Control: no-store</c>.
/// </summary>
public abstract class InvoiceEndpointAnswerTests(InvoicingHostFixture fixture)
{
    private static readonly string Today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string, string[]> BadValues => new()
    {
        { "/invoicing/invoices/{0}.pdf?download=perhaps", ["download"] },
        { "/invoicing/invoices/export.zip?from=0001-01-01&to=2026-01-31", ["from"] },
        { "/invoicing/invoices/export.zip?from=2026-01-01&to=2026-02-30", ["to"] },
        { "/invoicing/invoices/export.csv", ["from", "to"] },
        { "/invoicing/invoices/export.csv?from=2026-01-31&to=2026-01-01", ["to"] },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Endpoint_WithABadValue_AnswersBadRequestWithAProblemNamingIt(string path, string[] parameters)
    {
        var (billing, invoice) = await IssuedInvoiceAsync();
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, invoice));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemBody.ReadAsync(response);
        Assert.NotNull(problem);
        Assert.Equal(parameters, problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(" at ", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_OfAnUnknownInvoice_AnswersNotFoundWithAProblem()
    {
        var (billing, _) = await IssuedInvoiceAsync();
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync("/invoicing/invoices/987654321.pdf");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemBody.ReadAsync(response))?.Status);
    }

    [Fact]
    public async Task Pdf_ForAUserWithoutThePermission_AnswersForbiddenWithAProblem()
    {
        var (_, invoice) = await IssuedInvoiceAsync();
        using var client = await fixture.Host.SignInAsync(await fixture.Host.CreateUserAsync(role: null));

        using var response = await client.GetAsync($"/invoicing/invoices/{invoice}.pdf");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ProblemBody.ReadAsync(response))?.Status);
    }

    [Fact]
    public async Task Pdf_WithoutSigningIn_AnswersUnauthorizedWithAProblem()
    {
        var (_, invoice) = await IssuedInvoiceAsync();
        using var client = fixture.Host.CreateBrowserClient();

        using var response = await client.GetAsync($"/invoicing/invoices/{invoice}.pdf");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await ProblemBody.ReadAsync(response))?.Status);
    }

    [Theory]
    [InlineData("/invoicing/invoices/{0}.pdf")]
    [InlineData("/invoicing/invoices/{0}.pdf?download=true")]
    [InlineData("/invoicing/invoices/export.zip?from={1}&to={1}")]
    [InlineData("/invoicing/invoices/export.csv?from={1}&to={1}")]
    public async Task Document_IsNotStored(string path)
    {
        var (billing, invoice) = await IssuedInvoiceAsync();
        using var client = await fixture.Host.SignInAsync(billing.Accountant.User);

        using var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, invoice, Today));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    private async Task<(Billing Billing, long Invoice)> IssuedInvoiceAsync()
    {
        var billing = await Billing.CreateAsync(fixture, "EUR");
        var id = (await fixture.Invoicing.DraftAsync(billing.Accountant, billing.CustomerId)).SavedId;
        await fixture.Invoicing.AddLineAsync(billing.Accountant, id, "Fee", 1, 100m);
        return (billing, (await fixture.Invoicing.IssueAsync(billing.Accountant, id)).SavedId);
    }

    [Collection(SqliteHost.Name)]
    public sealed class InDevelopmentOnSqlite(SqliteInvoicingHostFixture fixture) : InvoiceEndpointAnswerTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class InDevelopmentOnPostgres(PostgresInvoicingHostFixture fixture) : InvoiceEndpointAnswerTests(fixture);

    [Collection(SqliteHost.Name)]
    public sealed class InProduction(ProductionInvoicingHostFixture fixture) : InvoiceEndpointAnswerTests(fixture);
}
