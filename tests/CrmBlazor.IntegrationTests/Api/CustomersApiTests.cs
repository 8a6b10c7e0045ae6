using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CrmBlazor.Host.Features;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>
/// <c>/api/v1/customers</c> through the real host with real tokens, on both providers: cursor paging,
/// filters and orders; creating; changing with <c>If-Match</c>; scopes and the per-record rules of the
/// customer pages; invalid input answered with the UI's translated messages and nothing saved.
/// </summary>
public abstract class CustomersApiTests(CrmHostFixture fixture)
{
    private static readonly string[] Retainer = ["retainer"];

    private static readonly string[] ReadWrite = [CorePermissions.ViewCustomers, CorePermissions.EditCustomers];

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("created")]
    [InlineData("-created")]
    public async Task List_WalkedPageByPage_GivesEveryMatchOnceInOrder(string sort)
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var industry = "Paging " + Guid.NewGuid().ToString("N")[..8];
        string[] names = ["Zeta", "alpha", "Ärzte", "Beta", "beta", "சென்னை", "ಬೆಂಗಳೂರು", "Gamma", "Beta"];
        var created = new List<long>();
        foreach (var name in names)
        {
            created.Add((await CreateAsync(client, new { name, industry }))["id"]!.GetValue<long>());
        }

        var seen = new List<long>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var address = $"/api/v1/customers?industry={Uri.EscapeDataString(industry)}&sort={sort}&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            seen.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            if (pages++ == 0)
            {
                // A customer created after the first page does not move the rest: the cursor is a position, not an offset.
                await CreateAsync(client, new { name = sort.StartsWith('-') ? "AAA first" : "ZZZ last", industry });
            }
        }
        while (cursor is not null && pages < 20);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Superset(created.ToHashSet(), seen.ToHashSet());
        var all = await ListAllAsync(client, $"industry={Uri.EscapeDataString(industry)}&sort={sort}&limit=200");
        Assert.Equal(all.Where(seen.Contains), seen);
    }

    [Fact]
    public async Task List_WithACursorThatWasChanged_IsABadRequest()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var industry = "Cursor " + Guid.NewGuid().ToString("N")[..8];
        await CreateAsync(client, new { name = "One", industry });
        await CreateAsync(client, new { name = "Two", industry });
        var first = JsonNode.Parse(await client.GetStringAsync($"/api/v1/customers?industry={Uri.EscapeDataString(industry)}&limit=1"))!;
        var cursor = first["nextCursor"]!.GetValue<string>();
        var tampered = cursor[..^3] + (cursor[^3] == 'A' ? 'B' : 'A') + cursor[^2..];

        foreach (var bad in new[] { tampered, "not-a-cursor", Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"Key\":\"name:A\",\"Id\":1}")) })
        {
            using var response = await client.GetAsync($"/api/v1/customers?industry={Uri.EscapeDataString(industry)}&limit=1&cursor={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("cursor", (await ProblemBody.ReadAsync(response))!.Errors.Keys);
        }

        // A cursor of one order is not taken for another.
        using var otherOrder = await client.GetAsync($"/api/v1/customers?industry={Uri.EscapeDataString(industry)}&limit=1&sort=-name&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(HttpStatusCode.BadRequest, otherOrder.StatusCode);
    }

    [Theory]
    [InlineData("sort=colour")]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("kind=robot")]
    [InlineData("kind=7")]
    [InlineData("tag=abc")]
    public async Task List_WithABadValue_IsABadRequestWithAProblem(string query)
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);

        using var response = await client.GetAsync("/api/v1/customers?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(await ProblemBody.ReadAsync(response));
    }

    [Fact]
    public async Task Get_GivesTheVersionAsAStrongETag()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var created = await CreateAsync(client, new { name = "Tbilisi Consulting", kind = "Company", tags = Retainer });

        using var response = await client.GetAsync($"/api/v1/customers/{created["id"]}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Equal($"\"{created["rowVersion"]!.GetValue<Guid>():N}\"", etag.Tag);
        var customer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(manager.Email, await OwnerEmailAsync(customer["ownerUserId"]!.GetValue<string>()));
        Assert.Equal(["retainer"], customer["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
    }

    [Fact]
    public async Task Update_WithTheCurrentETag_SavesAndGivesTheNewOne()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var created = await CreateAsync(client, new { name = "Mysuru Advisory" });
        var id = created["id"]!.GetValue<long>();
        using var get = await client.GetAsync($"/api/v1/customers/{id}");

        using var put = Put(id, new { name = "Mysuru Advisory LLP", industry = "Legal" }, get.Headers.ETag!.Tag);
        using var response = await client.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(get.Headers.ETag!.Tag, response.Headers.ETag!.Tag);
        Assert.Equal(["Mysuru Advisory LLP|Legal"], await fixture.Database.ColumnAsync<string>(
            "SELECT \"Name\" || '|' || \"Industry\" FROM crm_customers WHERE \"Id\" = @p0", id));
    }

    [Fact]
    public async Task Update_WithAStaleETag_IsRefusedWith412AndChangesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var id = (await CreateAsync(client, new { name = "Stale Copy Ltd" }))["id"]!.GetValue<long>();
        using var get = await client.GetAsync($"/api/v1/customers/{id}");
        var stale = get.Headers.ETag!.Tag;
        using var first = await client.SendAsync(Put(id, new { name = "Stale Copy Ltd", industry = "First" }, stale));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await client.SendAsync(Put(id, new { name = "Overwritten", industry = "Second" }, stale));

        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal(412, (await ProblemBody.ReadAsync(second))!.Status);
        Assert.Equal(["Stale Copy Ltd|First"], await fixture.Database.ColumnAsync<string>(
            "SELECT \"Name\" || '|' || \"Industry\" FROM crm_customers WHERE \"Id\" = @p0", id));
    }

    [Fact]
    public async Task Update_WithoutIfMatch_IsRefusedWith428AndChangesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var id = (await CreateAsync(client, new { name = "No Precondition" }))["id"]!.GetValue<long>();

        using var response = await client.SendAsync(Put(id, new { name = "Changed" }, null));
        using var star = await client.SendAsync(Put(id, new { name = "Changed" }, "*"));

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, star.StatusCode);
        Assert.Equal(["No Precondition"], await fixture.Database.ColumnAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", id));
    }

    [Fact]
    public async Task Create_WithInvalidInput_IsRefusedWithTheTranslatedFieldMessagesAndSavesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var before = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(new { name = "", email = "not an address", currency = "RUPEES" }) };
        request.Headers.AcceptLanguage.ParseAdd("ta-IN");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = (await ProblemBody.ReadAsync(response))!;
        Assert.Equal(422, problem.Status);
        Assert.Equal(["வாடிக்கையாளரின் பெயரை உள்ளிடவும்."], problem.Errors["name"]);
        Assert.Contains("email", problem.Errors.Keys);
        Assert.Contains("currency", problem.Errors.Keys);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"));
    }

    [Theory]
    [InlineData("{\"name\":\"Unknown Field Ltd\",\"colour\":\"red\"}")]
    [InlineData("{\"name\":")]
    [InlineData("{\"name\":42}")]
    [InlineData("{\"name\":\"Bad Kind Ltd\",\"kind\":\"Robot\"}")]
    public async Task Create_WithABodyItCannotRead_IsRefusedAndSavesNothing(string body)
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var before = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");

        using var response = await client.PostAsync("/api/v1/customers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, response.StatusCode.ToString());
        Assert.NotNull(await ProblemBody.ReadAsync(response));
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"));
    }

    [Fact]
    public async Task TokenWithoutTheScope_IsRefusedWith403EvenWhenTheUserHoldsThePermission()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var readOnly = await fixture.Host.ApiClientAsync(manager, CorePermissions.ViewCustomers);
        using var noCustomers = await fixture.Host.ApiClientAsync(manager, CorePermissions.ViewAudit);
        using var writer = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var id = (await CreateAsync(writer, new { name = "Scoped Ltd" }))["id"]!.GetValue<long>();
        var before = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");

        using var create = await readOnly.PostAsJsonAsync("/api/v1/customers", new { name = "Not Allowed Ltd" });
        using var list = await noCustomers.GetAsync("/api/v1/customers");
        using var get = await noCustomers.GetAsync($"/api/v1/customers/{id}");
        using var read = await readOnly.GetAsync($"/api/v1/customers/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"));
    }

    [Fact]
    public async Task Update_OfAnotherManagersCustomerByStaff_IsRefusedWith403AsTheUiRefusesIt()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var staff = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        using var managers = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        using var staffs = await fixture.Host.ApiClientAsync(staff, ReadWrite);
        var id = (await CreateAsync(managers, new { name = "Managed Elsewhere" }))["id"]!.GetValue<long>();
        using var get = await staffs.GetAsync($"/api/v1/customers/{id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(JsonNode.Parse(await get.Content.ReadAsStringAsync())!["canEdit"]!.GetValue<bool>());

        using var response = await staffs.SendAsync(Put(id, new { name = "Taken Over" }, get.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["Managed Elsewhere"], await fixture.Database.ColumnAsync<string>("SELECT \"Name\" FROM crm_customers WHERE \"Id\" = @p0", id));
    }

    [Fact]
    public async Task Get_OfACustomerThatDoesNotExist_Is404WithAProblem()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);

        using var response = await client.GetAsync("/api/v1/customers/987654321");
        using var put = await client.SendAsync(Put(987654321, new { name = "Nobody" }, $"\"{Guid.NewGuid():N}\""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemBody.ReadAsync(response))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    internal static async Task<JsonNode> CreateAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/customers", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private static HttpRequestMessage Put(long id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/customers/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static async Task<List<long>> ListAllAsync(HttpClient client, string query)
    {
        var page = JsonNode.Parse(await client.GetStringAsync("/api/v1/customers?" + query))!;
        Assert.Null(page["nextCursor"]);
        return [.. page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>())];
    }

    private async Task<string> OwnerEmailAsync(string userId) =>
        (await fixture.Database.ColumnAsync<string>("SELECT \"Email\" FROM crm_users WHERE \"Id\" = @p0", userId)).Single();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : CustomersApiTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : CustomersApiTests(fixture);
}
