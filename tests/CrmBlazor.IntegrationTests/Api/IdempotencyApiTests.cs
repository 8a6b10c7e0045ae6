using System.Net;
using System.Net.Http.Json;
using CrmBlazor.Host.Features;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>
/// <c>Idempotency-Key</c> on the API's creates, on both providers: a retried POST creates one record
/// and gets the first answer again; the same key with other values is refused; without a key every POST creates.
/// </summary>
public abstract class IdempotencyApiTests(CrmHostFixture fixture)
{
    private static readonly string[] ReadWrite = [CorePermissions.ViewCustomers, CorePermissions.EditCustomers];

    [Fact]
    public async Task Create_RetriedWithTheSameKey_CreatesOneCustomerAndReplaysTheFirstAnswer()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var name = "Retried " + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(Post(new { name, industry = "Retries" }, key));
        using var second = await client.SendAsync(Post(new { name, industry = "Retries" }, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers WHERE \"Name\" = @p0", name));
    }

    [Fact]
    public async Task Create_WithAKeyUsedForOtherValues_IsRefusedWith422AndCreatesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var key = Guid.NewGuid().ToString();
        var other = "Other values " + Guid.NewGuid().ToString("N")[..8];
        using var first = await client.SendAsync(Post(new { name = "First values " + key[..8] }, key));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var second = await client.SendAsync(Post(new { name = other }, key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(422, (await ProblemBody.ReadAsync(second))!.Status);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers WHERE \"Name\" = @p0", other));
    }

    [Fact]
    public async Task Keys_AreEachUsersOwnAndWithoutAKeyEveryPostCreates()
    {
        var first = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        var second = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var firsts = await fixture.Host.ApiClientAsync(first, ReadWrite);
        using var seconds = await fixture.Host.ApiClientAsync(second, ReadWrite);
        var name = "Shared key " + Guid.NewGuid().ToString("N")[..8];
        var key = Guid.NewGuid().ToString();

        using var a = await firsts.SendAsync(Post(new { name }, key));
        using var b = await seconds.SendAsync(Post(new { name }, key));
        using var c = await firsts.PostAsJsonAsync("/api/v1/customers", new { name });
        using var d = await firsts.PostAsJsonAsync("/api/v1/customers", new { name });

        Assert.All(new[] { a, b, c, d }, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(4, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers WHERE \"Name\" = @p0", name));
    }

    [Fact]
    public async Task Create_WithAnInvalidKey_IsABadRequestAndCreatesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var name = "Bad key " + Guid.NewGuid().ToString("N")[..8];

        using var response = await client.SendAsync(Post(new { name }, new string('k', 201)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await ProblemBody.ReadAsync(response))!.Errors.Keys);
        Assert.Equal(0, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers WHERE \"Name\" = @p0", name));
    }

    [Fact]
    public async Task Create_InvalidAndRetried_GivesTheSameRefusalAndCreatesNothing()
    {
        var manager = await fixture.Host.CreateUserAsync(CrmRoles.Manager);
        using var client = await fixture.Host.ApiClientAsync(manager, ReadWrite);
        var key = Guid.NewGuid().ToString();
        var before = await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers");

        using var first = await client.SendAsync(Post(new { name = "", email = "nope" }, key));
        using var second = await client.SendAsync(Post(new { name = "", email = "nope" }, key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(before, await fixture.Database.ScalarAsync<long>("SELECT COUNT(*) FROM crm_customers"));
    }

    private static HttpRequestMessage Post(object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/customers") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : IdempotencyApiTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : IdempotencyApiTests(fixture);
}
