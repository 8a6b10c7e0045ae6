using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Features;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>
/// <c>POST /api/v1/customers/{id}/interactions</c> on both providers: an inquiry from a web form with its
/// contact found by e-mail address, a call from a phone system, and refusals that save nothing.
/// </summary>
public abstract class InteractionsApiTests(CrmHostFixture fixture)
{
    private static readonly string[] ReadWrite = [CorePermissions.ViewCustomers, CorePermissions.EditCustomers];

    [Fact]
    public async Task Inquiry_FromAWebForm_IsLoggedOpenWithTheContactFoundByEmail()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var customerId = (await CustomersApiTests.CreateAsync(client, new { name = "Web Form Ltd" }))["id"]!.GetValue<long>();
        var email = $"{Guid.NewGuid():N}@example.test";
        using var contact = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", new { name = "Priya", email });
        var contactId = JsonNode.Parse(await contact.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        using var response = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions",
            new { kind = "Inquiry", subject = "Quote for payroll", text = "Please send a quote.", contactEmail = email });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var logged = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Open", logged["status"]!.GetValue<string>());
        Assert.Equal([contactId], logged["contactIds"]!.AsArray().Select(c => c!.GetValue<long>()));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_interactions WHERE \"CustomerId\" = @p0", customerId));
    }

    [Fact]
    public async Task Call_FromAPhoneSystem_IsLoggedWithItsDirectionAndTime()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var customerId = (await CustomersApiTests.CreateAsync(client, new { name = "Phone System Ltd" }))["id"]!.GetValue<long>();
        var occurredAt = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

        using var response = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions",
            new { kind = "Call", direction = "Outbound", subject = "Call to +91 44 1234 5678", text = "Duration 12 minutes.", occurredAt });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var logged = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Outbound", logged["direction"]!.GetValue<string>());
        Assert.Equal(occurredAt, logged["occurredAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Interaction_WithAnUnknownContactOrBadValues_IsRefusedAndSavesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        using var reader = await fixture.Host.ApiClientAsync(manager, CorePermissions.ViewCustomers);
        var customerId = (await CustomersApiTests.CreateAsync(client, new { name = "Refused Interactions Ltd" }))["id"]!.GetValue<long>();

        using var unknown = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions", new { kind = "WebForm", subject = "Hello", contactEmail = "stranger@example.test" });
        using var badKind = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions", new { kind = "Fax", subject = "Hello" });
        using var future = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions", new { kind = "Call", subject = "Hello", occurredAt = DateTimeOffset.UtcNow.AddDays(10) });
        using var noScope = await reader.PostAsJsonAsync($"/api/v1/customers/{customerId}/interactions", new { kind = "Call", subject = "Hello" });
        using var missing = await client.PostAsJsonAsync("/api/v1/customers/987654321/interactions", new { kind = "Call", subject = "Hello" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("contactEmail", (await ProblemBody.ReadAsync(unknown))!.Errors.Keys);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badKind.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("occurredAt", (await ProblemBody.ReadAsync(future))!.Errors.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_interactions WHERE \"CustomerId\" = @p0", customerId));
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : InteractionsApiTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : InteractionsApiTests(fixture);
}
