using System.Text.RegularExpressions;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Account.PasswordReset;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmBlazor.IntegrationTests.Mail;

/// <summary>
/// With a mail server, invitation and password reset links reach the person by e-mail through the
/// outbox, worded by the message templates, starting with the CRM's public address; a link read from
/// the e-mail works once. The forgotten-password form mails a link to an account's address and nothing
/// to an address without an account.
/// </summary>
public abstract class AccountLinkMailTests(MailHostFixture fixture)
{
    private const string NewPassword = "monsoon over the backwaters";

    private CrmBlazor.Testing.Hosting.CrmHostFactory Host => fixture.Host;

    [Fact]
    public async Task Invite_WithAMailServer_EmailsALinkThatSetsThePasswordOnce()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var email = NewAddress();

        var (result, link) = await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = "Mira Patel", Email = email, Roles = [CrmRoles.Staff] }));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.Equal(email, link!.SentTo);
        var received = await ReceivedAsync(email);
        Assert.Equal("Your access to CrmBlazor's CRM", received.Subject);
        Assert.Equal("Mira Patel", received.To.Mailboxes.Single().Name);
        var token = TokenIn(received, AccountLink.InvitationPage);
        Assert.True((await AcceptAsync(token, NewPassword)).Accepted);
        Assert.Equal(AccountLinkStatus.Used, (await AcceptAsync(token, "someone else's passphrase")).Status);
        (await Host.SignInAsync(new TestUser(email, NewPassword, CrmRoles.Staff))).Dispose();
    }

    [Fact]
    public async Task Invite_InTamil_WritesTheInvitationInTamilAndTheAccountOpensInIt()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var email = NewAddress();

        await Host.AsUserAsync(admin, s => s.GetRequiredService<UserInvitations>()
            .InviteAsync(new InviteInput { DisplayName = "கவிதா", Email = email, Roles = [CrmRoles.Staff], Culture = "ta-IN" }));

        var received = await ReceivedAsync(email);
        Assert.Equal("CrmBlazor CRM-க்கான உங்கள் அணுகல்", received.Subject);
        Assert.StartsWith("வணக்கம் கவிதா,", received.TextBody, StringComparison.Ordinal);
        var culture = await Host.InScopeAsync(s => s.GetRequiredService<CrmDbContext>().Users.Where(u => u.Email == email).Select(u => u.Culture).SingleAsync());
        Assert.Equal("ta-IN", culture);
    }

    [Fact]
    public async Task ForgotPassword_KnownAddress_EmailsALinkThatSetsANewPassword()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);

        await Host.InScopeAsync(s => s.GetRequiredService<PasswordResets>().RequestAsync(staff.Email.ToUpperInvariant(), "192.0.2.10"));

        var received = await ReceivedAsync(staff.Email);
        Assert.Contains("A new password for", received.Subject, StringComparison.Ordinal);
        var token = TokenIn(received, AccountLink.PasswordResetPage);
        var answer = await Host.InScopeAsync(s => s.GetRequiredService<PasswordResetAcceptance>().ResetAsync(token, NewPassword, "192.0.2.10"));
        Assert.True(answer.Accepted, string.Join(" ", answer.PasswordErrors));
        (await Host.SignInAsync(staff with { Password = NewPassword })).Dispose();
    }

    [Fact]
    public async Task ForgotPassword_UnknownAddress_SendsNothingAndStoresNoMessage()
    {
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var unknown = NewAddress();

        await Host.InScopeAsync(s => s.GetRequiredService<PasswordResets>().RequestAsync(unknown, "192.0.2.10"));
        // A known address asked for after it: once its e-mail has arrived, the unknown one's job has run.
        await Host.InScopeAsync(s => s.GetRequiredService<PasswordResets>().RequestAsync(staff.Email, "192.0.2.10"));
        await ReceivedAsync(staff.Email);

        Assert.Empty(fixture.Smtp.ReceivedBy(unknown));
        var stored = await Host.InScopeAsync(s => s.GetRequiredService<CrmDbContext>().OutboxMessages.CountAsync(m => m.Recipients.Contains(unknown)));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task IssueByAnAdministrator_WithAMailServer_EmailsTheLinkInsteadOfShowingIt()
    {
        var admin = await Host.CreateUserAsync(CrmRoles.Admin);
        var staff = await Host.CreateUserAsync(CrmRoles.Staff);
        var id = await Host.InScopeAsync(s => s.GetRequiredService<CrmDbContext>().Users.Where(u => u.Email == staff.Email).Select(u => u.Id).SingleAsync());

        var (result, link) = await Host.AsUserAsync(admin, s => s.GetRequiredService<PasswordResets>().IssueAsync(id));

        Assert.True(result.Succeeded, string.Join(" ", result.Messages));
        Assert.Equal(staff.Email, link!.SentTo);
        var token = TokenIn(await ReceivedAsync(staff.Email), AccountLink.PasswordResetPage);
        Assert.Equal(link.Token, token);
    }

    private Task<AccountLinkAnswer> AcceptAsync(string token, string password) =>
        Host.InScopeAsync(s => s.GetRequiredService<InvitationAcceptance>().AcceptAsync(token, password));

    // A minute, not a timing: the mail goes out through a background job and the outbox, which on a shared, loaded
    // machine (and with PostgreSQL's job queue polled every few seconds) may take longer than the default wait.
    private async Task<MimeMessage> ReceivedAsync(string to) =>
        (await Eventually.ReturnsAsync(
            $"a message to {to} arrived",
            () => Task.FromResult(fixture.Smtp.ReceivedBy(to) is [var first, ..] ? first : null),
            m => m is not null,
            TimeSpan.FromMinutes(1)))!;

    // The token of the link in the text body, which must start with the CRM's public address.
    private static string TokenIn(MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, Regex.Escape(MailHostFixture.PublicUrl + page + "?token=") + @"(?<token>[A-Za-z0-9_-]+)");
        Assert.True(match.Success, $"No link to {page} in: {message.TextBody}");
        Assert.Contains(MailHostFixture.PublicUrl + page + "?token=" + match.Groups["token"].Value, message.HtmlBody ?? string.Empty, StringComparison.Ordinal);
        return match.Groups["token"].Value;
    }

    private static string NewAddress() => $"colleague-{Guid.NewGuid().ToString("N")[..10]}@firm.example";

    [Collection(SqliteMailHost.Name)]
    public sealed class OnSqlite(SqliteMailHostFixture fixture) : AccountLinkMailTests(fixture);

    [Collection(PostgresMailHost.Name)]
    public sealed class OnPostgres(PostgresMailHostFixture fixture) : AccountLinkMailTests(fixture);
}
