using System.Net;
using System.Text.RegularExpressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.IntegrationTests.Hosting;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmBlazor.IntegrationTests.Account;

/// <summary>
/// The sign-in page does not tell whether an address has an account: an unknown address costs the same
/// work (a password hash is verified), gets the same answer as a wrong password, and is locked after as
/// many failures as an account, with the same answer.
/// </summary>
public abstract partial class AccountEnumerationTests(CrmHostFixture fixture)
{
    private const string Refused = "The e-mail address or password is not correct.";
    private const string Locked = "Too many failed attempts to sign in with this e-mail address. Try again in 15 minutes or ask an administrator.";

    [Fact]
    public async Task SignIn_WithAnUnknownAddress_VerifiesAPasswordHashAsForAnAccount()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);

        var forAccount = await VerificationsDuringAsync(() => SubmitAsync(user.Email, "wrong-password"));
        var forUnknown = await VerificationsDuringAsync(() => SubmitAsync(UnknownAddress(), "wrong-password"));

        Assert.Equal((1, 1), (forAccount, forUnknown));
    }

    [Fact]
    public async Task SignIn_UnknownAddressAndWrongPassword_GiveTheSameVisibleResponse()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = UnknownAddress();

        var wrongPassword = await SubmitAsync(user.Email, "wrong-password");
        var unknownAddress = await SubmitAsync(unknown, "wrong-password");

        Assert.Equal(Refused, LoginForm.ErrorOf(wrongPassword.Body));
        Assert.Equal(wrongPassword.Status, unknownAddress.Status);
        Assert.Equal(Visible(wrongPassword.Body, user.Email), Visible(unknownAddress.Body, unknown));
    }

    [Fact]
    public async Task SignIn_UnknownAddressFailingAsOftenAsAnAccount_GetsTheSameAnswersIncludingTheLockOut()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = UnknownAddress();

        var forAccount = await ErrorsOfAttemptsAsync(user.Email, 6);
        var forUnknown = await ErrorsOfAttemptsAsync(unknown, 6);

        Assert.Equal([Refused, Refused, Refused, Refused, Locked, Locked], forAccount);
        Assert.Equal(forAccount, forUnknown);
    }

    [Fact]
    public async Task SignIn_LockedAccountWithTheRightPasswordAndLockedUnknownAddress_GiveTheSameVisibleResponse()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = UnknownAddress();
        await ErrorsOfAttemptsAsync(user.Email, 5);
        await ErrorsOfAttemptsAsync(unknown, 5);

        var lockedAccount = await SubmitAsync(user.Email, user.Password);
        var lockedUnknown = await SubmitAsync(unknown, user.Password);

        Assert.Equal(Locked, LoginForm.ErrorOf(lockedAccount.Body));
        Assert.Equal(lockedAccount.Status, lockedUnknown.Status);
        Assert.Equal(Visible(lockedAccount.Body, user.Email), Visible(lockedUnknown.Body, unknown));
    }

    [Fact]
    public async Task SignIn_WhileLocked_VerifiesNoPasswordHashForAnAccountNorForAnUnknownAddress()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = UnknownAddress();
        await ErrorsOfAttemptsAsync(user.Email, 5);
        await ErrorsOfAttemptsAsync(unknown, 5);

        var forAccount = await VerificationsDuringAsync(() => SubmitAsync(user.Email, user.Password));
        var forUnknown = await VerificationsDuringAsync(() => SubmitAsync(unknown, "any-password"));

        Assert.Equal((0, 0), (forAccount, forUnknown));
    }

    [Fact]
    public async Task SignIn_UnknownAddress_IsRecordedInTheSecurityLogAsAnAccountIs()
    {
        var user = await fixture.Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = UnknownAddress();
        await ErrorsOfAttemptsAsync(user.Email, 6);
        await ErrorsOfAttemptsAsync(unknown, 6);

        var forAccount = await SecurityEventsOfAsync(user.Email);
        var forUnknown = await SecurityEventsOfAsync(unknown);

        Assert.Equal([.. Enumerable.Repeat(SecurityLog.SignInFailed, 4), SecurityLog.LockedOut, SecurityLog.SignInLocked], forAccount);
        Assert.Equal(forAccount, forUnknown);
    }

    [Fact]
    public async Task SignIn_UnknownAddressTypedInAnotherCase_CountsTowardsTheSameLockOut()
    {
        var unknown = UnknownAddress();

        string[] errors =
        [
            .. await ErrorsOfAttemptsAsync(unknown, 2),
            .. await ErrorsOfAttemptsAsync(unknown.ToUpperInvariant(), 2),
            .. await ErrorsOfAttemptsAsync(" " + unknown + " ", 1),
        ];

        Assert.Equal([Refused, Refused, Refused, Refused, Locked], errors);
    }

    [Fact]
    public async Task SignIn_UnknownAddressAfterItsLockOutTime_IsRefusedNoLongerLocked()
    {
        var unknown = UnknownAddress();
        await ErrorsOfAttemptsAsync(unknown, 5);
        await MoveLockOutIntoThePastAsync(unknown, TimeSpan.FromMinutes(16));

        var errors = await ErrorsOfAttemptsAsync(unknown, 1);

        Assert.Equal([Refused], errors);
    }

    private async Task<int> VerificationsDuringAsync(Func<Task> action)
    {
        var counter = fixture.Host.Services.GetRequiredService<PasswordVerifications>();
        var before = counter.Count;
        await action();
        return counter.Count - before;
    }

    private async Task<(HttpStatusCode Status, string Body)> SubmitAsync(string email, string password)
    {
        using var client = fixture.Host.CreateBrowserClient();
        using var response = await LoginForm.SubmitAsync(client, email, password);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<IReadOnlyList<string>> ErrorsOfAttemptsAsync(string email, int count)
    {
        var errors = new List<string>();
        for (var i = 0; i < count; i++)
        {
            errors.Add(LoginForm.ErrorOf((await SubmitAsync(email, "wrong-password-" + i)).Body) ?? "(no error shown)");
        }

        return errors;
    }

    private Task<IReadOnlyList<string>> SecurityEventsOfAsync(string email) =>
        fixture.Database.ColumnAsync<string>("SELECT \"Kind\" FROM crm_security_events WHERE \"UserName\" = @p0 ORDER BY \"Id\"", email);

    private Task MoveLockOutIntoThePastAsync(string email, TimeSpan by) => fixture.Host.InScopeAsync(async services =>
    {
        var at = DateTimeOffset.UtcNow - by;
        await using var db = await services.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        await db.SecurityEvents.Where(e => e.UserName == email).ExecuteUpdateAsync(u => u.SetProperty(e => e.OccurredAt, at));
    });

    private static string UnknownAddress() => $"nobody-{Guid.NewGuid().ToString("N")[..10]}@crm.test";

    /// <summary>
    /// The page as a person sees it: the typed address set aside, and the values encrypted afresh for
    /// every response (the antiforgery token, the component state) replaced by their length only.
    /// </summary>
    private static string Visible(string page, string typedAddress) =>
        Encrypted().Replace(page.Replace(WebUtility.HtmlEncode(typedAddress), "{address}", StringComparison.Ordinal), m => $"{m.Groups["before"].Value}{{{m.Groups["value"].Length} characters}}");

    [GeneratedRegex("(?<before>name=\"__RequestVerificationToken\"[^>]*value=\"|<!--Blazor-Server-Component-State:)(?<value>[A-Za-z0-9_+/=-]*)")]
    private static partial Regex Encrypted();

    [Collection(SqliteHost.Name)]
    public sealed class OnSqlite(SqliteHostFixture fixture) : AccountEnumerationTests(fixture);

    [Collection(PostgresHost.Name)]
    public sealed class OnPostgres(PostgresHostFixture fixture) : AccountEnumerationTests(fixture);
}
