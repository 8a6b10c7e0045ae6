using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Features;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>
/// <c>/api/v1/customers/{id}/contacts</c> through the real host with real tokens, on both providers: paging
/// by name, adding (with <c>Idempotency-Key</c>), changing with <c>If-Match</c>, and the contacts tab's rules.
/// </summary>
public abstract class ContactsApiTests(CrmHostFixture fixture)
{
    private static readonly string[] ReadWrite = [CorePermissions.ViewCustomers, CorePermissions.EditCustomers];

    [Fact]
    public async Task List_WalkedPageByPage_GivesEveryContactOnceByName()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var customerId = (await CustomersApiTests.CreateAsync(client, new { name = "Contacts Paging Ltd" }))["id"]!.GetValue<long>();
        foreach (var name in new[] { "Nino", "Anand", "Zainab", "Bhavna", "Anand", "தமிழ்செல்வி" })
        {
            using var added = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", new { name, email = $"{Guid.NewGuid():N}@example.test" });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var seen = new List<string>();
        var ids = new List<long>();
        string? cursor = null;
        do
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/api/v1/customers/{customerId}/contacts?limit=4" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))))!;
            foreach (var item in page["items"]!.AsArray())
            {
                seen.Add(item!["name"]!.GetValue<string>());
                ids.Add(item["id"]!.GetValue<long>());
            }

            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        Assert.Equal(6, ids.Distinct().Count());
        Assert.Equal(6, seen.Count);
    }

    [Fact]
    public async Task Update_WithAStaleETag_Is412AndChangesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var customerId = (await CustomersApiTests.CreateAsync(client, new { name = "Contact Versions Ltd" }))["id"]!.GetValue<long>();
        using var added = await client.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", new { name = "Ketevan", role = "Director" });
        var contactId = JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var stale = added.Headers.ETag!.Tag;
        using var first = await client.SendAsync(Put(customerId, contactId, new { name = "Ketevan", role = "CEO" }, stale));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await client.SendAsync(Put(customerId, contactId, new { name = "Overwritten", role = "Clerk" }, stale));
        using var none = await client.SendAsync(Put(customerId, contactId, new { name = "Overwritten" }, null));

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal((HttpStatusCode)428, none.StatusCode);
        Assert.Equal(["Ketevan|CEO"], await fixture.Database.ColumnAsync<string>("SELECT \"Name\" || '|' || \"Role\" FROM crm_contacts WHERE \"Id\" = @p0", contactId));
    }

    [Fact]
    public async Task Create_InvalidOrOnAnotherManagersCustomer_IsRefusedAndSavesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var managers = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        using var staffs = await fixture.Host.ApiClientAsync(staff, ReadWrite);
        var customerId = (await CustomersApiTests.CreateAsync(managers, new { name = "Guarded Contacts Ltd" }))["id"]!.GetValue<long>();

        using var invalid = await managers.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", new { name = "", email = "nope" });
        using var forbidden = await staffs.PostAsJsonAsync($"/api/v1/customers/{customerId}/contacts", new { name = "Intruder" });
        using var missing = await managers.PostAsJsonAsync("/api/v1/customers/987654321/contacts", new { name = "Nobody" });
        using var missingList = await managers.GetAsync("/api/v1/customers/987654321/contacts");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains("name", (await ProblemBody.ReadAsync(invalid))!.Errors.Keys);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missingList.StatusCode);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_contacts WHERE \"CustomerId\" = @p0", customerId));
    }

    [Fact]
    public async Task Create_RetriedWithTheSameKey_AddsOneContact()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var customerId = (await CustomersApiTests.CreateAsync(client, new { name = "Retried Contacts Ltd" }))["id"]!.GetValue<long>();
        var key = Guid.NewGuid().ToString();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/customers/{customerId}/contacts") { Content = JsonContent.Create(new { name = "Once Only" }) };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_contacts WHERE \"CustomerId\" = @p0", customerId));
    }

    private static HttpRequestMessage Put(long customerId, long contactId, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{customerId}/contacts/{contactId}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : ContactsApiTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : ContactsApiTests(fixture);
}
