using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Features.Api;
using CrmBlazor.Host.Features.Customers;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Results;
using CrmBlazor.Testing;
using CrmBlazor.Testing.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Api;

/// <summary>
/// Personal access tokens and <c>/api/v1</c> through the real host: a token acts as its user within its
/// scopes and the user's current permissions, the customer page's rules apply, bad, revoked and expired
/// tokens are 401, a browser's cookie never authenticates the API, a burst gets 429, and only the
/// secret's hash is stored.
/// </summary>
public abstract class ApiTokenTests(CrmHostFixture fixture)
{
    private CrmHostFactory Host => fixture.Host;

    [Fact]
    public async Task Me_WithAToken_SaysWhoItActsAsAndItsScopes()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "Phone system", CorePermissions.ViewCustomers);

        using var client = Client(token);
        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<ApiMe>();
        Assert.Equal(user.Email, me!.UserName);
        Assert.Equal("Phone system", me.TokenName);
        Assert.Equal([CorePermissions.ViewCustomers], me.Scopes);
        Assert.InRange(me.ExpiresAt, DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer crm_0123456789ab_wrongsecretwrongsecretwrongsecret")]
    public async Task Me_WithoutAValidToken_Is401WithAProblem(string? authorization)
    {
        using var client = Host.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(authorization is null ? "Bearer" : "Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
        var problem = await ProblemBody.ReadAsync(response);
        Assert.Equal(401, problem?.Status);
        Assert.Equal("The API token is missing, not valid, revoked or expired.", problem?.Title);
    }

    [Fact]
    public async Task Me_WithTheRightPrefixAndAWrongSecret_Is401()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "Wrong secret", CorePermissions.ViewCustomers);
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var client = Client(forged);
        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoked_ByItsUser_Is401AtOnce()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "To revoke", CorePermissions.ViewCustomers);
        using var client = Client(token);
        using (var before = await client.GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var id = (await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().ListAsync())).Single().Id;
        var revoked = await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().RevokeAsync(id));

        Assert.True(revoked.Succeeded);
        using var after = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", after.Headers.WwwAuthenticate.ToString());
        var row = (await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().ListAsync())).Single();
        Assert.NotNull(row.RevokedAt);
    }

    [Fact]
    public async Task Revoke_AnotherUsersToken_IsNotFoundForAUserAndDoneForAnAdministrator()
    {
        var owner = await Host.CreateUserAsync(CrmRoles.Staff);
        var other = await Host.CreateUserAsync(CrmRoles.Manager);
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var token = await CreateTokenAsync(owner, "Shared", CorePermissions.ViewCustomers);
        var id = (await Host.AsUserAsync(owner, s => s.GetRequiredService<ApiTokens>().ListAsync())).Single().Id;
        var ownerId = await UserIdAsync(owner);

        var byOther = await Host.AsUserAsync(other, s => s.GetRequiredService<ApiTokens>().RevokeAsync(id));
        Assert.Equal(ChangeStatus.NotFound, byOther.Status);
        Assert.Empty(await Host.AsUserAsync(other, s => s.GetRequiredService<ApiTokens>().ListAsync(ownerId)));
        using (var stillWorks = await Client(token).GetAsync("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
        }

        Assert.Single(await Host.AsUserAsync(admin, s => s.GetRequiredService<ApiTokens>().ListAsync(ownerId)));
        var byAdmin = await Host.AsUserAsync(admin, s => s.GetRequiredService<ApiTokens>().RevokeAsync(id));
        Assert.True(byAdmin.Succeeded);
        using var refused = await Client(token).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var audit = await AuditAsync(id);
        Assert.Equal(["Created", "Updated"], audit.Select(a => a.Action));
        Assert.Equal(admin.Email, audit[1].ActorName);
        Assert.DoesNotContain(audit, a => a.Changes.Contains("SecretHash", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Expired_Is401()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "Old", CorePermissions.ViewCustomers);
        await Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var userId = (await db.Users.SingleAsync(u => u.Email == user.Email)).Id;
            var row = await db.ApiTokens.SingleAsync(t => t.UserId == userId);
            row.ExpiresAt = DateTimeOffset.UtcNow.AddSeconds(-1);
            await db.SaveChangesAsync();
        });

        using var response = await Client(token).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task LockedOutUser_Is401()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "Locked", CorePermissions.ViewCustomers);
        await Host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CrmUser>>();
            var account = await users.FindByEmailAsync(user.Email);
            await users.SetLockoutEndDateAsync(account!, DateTimeOffset.UtcNow.AddHours(1));
        });

        using var response = await Client(token).GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Customer_ReadWithTheScope_IsTheCustomerAndAMissingOneIs404()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().Named("Api Reader Ltd").SaveAsync(Host);
        var token = await CreateTokenAsync(user, "Reader", CorePermissions.ViewCustomers);
        using var client = Client(token);

        using var found = await client.GetAsync($"/api/v1/customers/{customer.Id}");
        using var missing = await client.GetAsync("/api/v1/customers/987654321");
        using var nowhere = await client.GetAsync("/api/v1/no-such-thing");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.Content.ReadFromJsonAsync<ApiCustomer>();
        Assert.Equal(("Api Reader Ltd", false), (body!.Name, body.CanEdit));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("There is no such record, or you may not see it.", (await ProblemBody.ReadAsync(missing))?.Title);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.NotNull(await ProblemBody.ReadAsync(nowhere));
    }

    [Fact]
    public async Task Customer_WithoutTheScope_Is403EvenThoughTheUserHoldsThePermission()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(Host);
        var token = await CreateTokenAsync(user, "Messages only", CorePermissions.Messages);

        using var response = await Client(token).GetAsync($"/api/v1/customers/{customer.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await ProblemBody.ReadAsync(response))?.Status);
    }

    [Fact]
    public async Task Customer_AfterTheUserLostTheRole_Is403AtOnce()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().SaveAsync(Host);
        var token = await CreateTokenAsync(user, "Losing", CorePermissions.ViewCustomers);
        using var client = Client(token);
        using (var before = await client.GetAsync($"/api/v1/customers/{customer.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await Host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<CrmUser>>();
            await users.RemoveFromRoleAsync((await users.FindByEmailAsync(user.Email))!, CrmRoles.Staff);
        });

        using var after = await client.GetAsync($"/api/v1/customers/{customer.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
    }

    [Fact]
    public async Task Customer_EditRuleOfTheCustomerPage_AppliesToo()
    {
        var manager = await Host.CreateUserAsync(CrmRoles.Manager);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var customer = await new CustomerBuilder().ManagedBy(await UserIdAsync(manager)).SaveAsync(Host);
        var staffToken = await CreateTokenAsync(staff, "Staff", CorePermissions.ViewCustomers, CorePermissions.EditCustomers);
        var managerToken = await CreateTokenAsync(manager, "Manager", CorePermissions.ViewCustomers, CorePermissions.EditCustomers);

        var asStaff = await Client(staffToken).GetFromJsonAsync<ApiCustomer>($"/api/v1/customers/{customer.Id}");
        var asManager = await Client(managerToken).GetFromJsonAsync<ApiCustomer>($"/api/v1/customers/{customer.Id}");

        Assert.False(asStaff!.CanEdit);
        Assert.True(asManager!.CanEdit);
    }

    [Theory]
    [InlineData(CorePermissions.Privacy)]
    [InlineData(CorePermissions.Administration)]
    [InlineData("no.such.permission")]
    public async Task Create_WithAScopeTheUserDoesNotHold_IsRefusedAndStoresNothing(string scope)
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);

        var (result, token) = await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().CreateAsync(
            new ApiTokenInput { Name = "Too much", Days = 30, Scopes = [CorePermissions.ViewCustomers, scope] }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.True(result.Has(nameof(ApiTokenInput.Scopes)));
        Assert.Null(token);
        Assert.Empty(await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().ListAsync()));
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("Ok", 0)]
    [InlineData("Ok", 366)]
    public async Task Create_WithoutANameOrWithALifeOutOfBounds_IsInvalid(string name, int days)
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);

        var (result, token) = await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().CreateAsync(
            new ApiTokenInput { Name = name, Days = days, Scopes = [CorePermissions.ViewCustomers] }));

        Assert.Equal(ChangeStatus.Invalid, result.Status);
        Assert.Null(token);
    }

    [Fact]
    public async Task ScopeChoices_AreThePermissionsTheUserHolds()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);

        var choices = await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().ScopeChoicesAsync());

        Assert.Contains(choices, c => c.Name == CorePermissions.ViewCustomers);
        Assert.DoesNotContain(choices, c => c.Name == CorePermissions.Privacy || c.Name == CorePermissions.Administration);
    }

    [Fact]
    public async Task Cookie_OfASignedInBrowser_DoesNotAuthenticateTheApi()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        using var browser = await Host.SignInAsync(user);
        using (var page = await browser.GetAsync("/customers"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }

        using var response = await browser.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Burst_BeyondTheLimit_Is429WithRetryAfter()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "Burst", CorePermissions.ViewCustomers);
        using var client = Client(token);

        // The window is a fixed minute: a burst that straddles its end needs up to twice the limit.
        HttpResponseMessage? refused = null;
        var allowed = 0;
        for (var i = 0; i < (2 * ApiEndpoints.DefaultRequestsPerMinute) + 2 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/v1/me");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                allowed++;
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.InRange(allowed, 1, 2 * ApiEndpoints.DefaultRequestsPerMinute);
            var retryAfter = refused.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
            Assert.Equal(429, (await ProblemBody.ReadAsync(refused))?.Status);
        }

        // Another token of the same user counts on its own.
        using var other = await Client(await CreateTokenAsync(user, "Other", CorePermissions.ViewCustomers)).GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Secret_IsNeverStored_OnlyItsHash()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        var token = await CreateTokenAsync(user, "Hashed", CorePermissions.ViewCustomers);
        var secret = token[(ApiTokens.TokenStart.Length + 13)..];

        var row = await Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            var userId = (await db.Users.SingleAsync(u => u.Email == user.Email)).Id;
            return await db.ApiTokens.AsNoTracking().SingleAsync(t => t.UserId == userId);
        });

        Assert.StartsWith("crm_" + row.Prefix + "_", token, StringComparison.Ordinal);
        Assert.Equal(ApiTokens.Hash(secret), row.SecretHash);
        Assert.DoesNotContain(secret, string.Join("|", row.Name, row.Prefix, row.SecretHash, row.Scopes), StringComparison.Ordinal);
        Assert.True(secret.Length >= 43);
    }

    [Fact]
    public async Task Problem_IsInTheUsersLanguage()
    {
        var user = await Host.CreateUserAsync(CrmRoles.Staff);
        await Host.InScopeAsync(async s =>
        {
            await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            await db.Users.Where(u => u.Email == user.Email).ExecuteUpdateAsync(x => x.SetProperty(u => u.Culture, "ka-GE"));
        });
        var token = await CreateTokenAsync(user, "Georgian", CorePermissions.ViewCustomers);

        using var response = await Client(token).GetAsync("/api/v1/customers/987654322");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var expected = await Host.InScopeAsync(s =>
        {
            var culture = CultureInfo.GetCultureInfo("ka-GE");
            CultureInfo.CurrentUICulture = culture;
            return Task.FromResult(s.GetRequiredService<ApiProblems>().Title(404));
        });
        Assert.NotEqual("There is no such record, or you may not see it.", expected);
        Assert.Equal(expected, (await ProblemBody.ReadAsync(response))?.Title);
    }

    private HttpClient Client(string token)
    {
        var client = Host.CreateBrowserClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> CreateTokenAsync(TestUser user, string name, params string[] scopes)
    {
        var (result, token) = await Host.AsUserAsync(user, s => s.GetRequiredService<ApiTokens>().CreateAsync(
            new ApiTokenInput { Name = name, Days = 90, Scopes = [.. scopes] }));
        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        return token!;
    }

    private Task<string> UserIdAsync(TestUser user) => Host.InScopeAsync(async s =>
        (await s.GetRequiredService<UserManager<CrmUser>>().FindByEmailAsync(user.Email))!.Id);

    private Task<List<CrmBlazor.Data.Audit.AuditEntry>> AuditAsync(long tokenId) => Host.InScopeAsync(async s =>
    {
        await using var db = await s.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        var key = tokenId.ToString(CultureInfo.InvariantCulture);
        return await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(ApiToken) && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
    });

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : ApiTokenTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : ApiTokenTests(fixture);
}
