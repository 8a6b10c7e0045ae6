using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;
using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>
/// Issues password reset links: an administrator issues one for an account from the users page, or a
/// person asks for one on the forgotten-password page. When mail can be sent (<see cref="AccountLinkMail"/>)
/// the link is e-mailed to the account's address, queued in the transaction that stores it; otherwise an
/// administrator's link is shown to them once, and a person's request is only recorded in the security
/// log and shown to administrators on the users page. A link works once, for <see cref="LifetimeSetting"/>
/// minutes, for the account it was issued for; a new link replaces the account's older one. See
/// docs/decisions/0017-invitation-links.md.
/// </summary>
public sealed class PasswordResets(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    ILookupNormalizer normalizer,
    AccountLinkMail mail,
    IBackgroundJobClient jobs,
    SecurityLog securityLog,
    TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>The setting of how many minutes a link works (60 unless set; 5 to 1440).</summary>
    public const string LifetimeSetting = "Crm:Users:PasswordResetMinutes";

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime => TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue(LifetimeSetting, 60), 5, 1440));

    /// <summary>Whether a request sends a link by e-mail (true) or waits for an administrator (false); the same for every address.</summary>
    public bool SendsLinks => mail.CanSend;

    /// <summary>
    /// A person forgot their password: records the request and, when mail can be sent, queues a job that
    /// e-mails a new link to the address if it belongs to an account in use (<see cref="SendRequestedLinkAsync"/>).
    /// Tells the caller nothing about the address, and does the same work for every address: whether
    /// it has an account is only looked up in the job, after the answer.
    /// </summary>
    /// <param name="email">The address as typed.</param>
    /// <param name="remoteAddress">The client address, for the security log.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task RequestAsync(string email, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var address = email.Trim();
        var normalized = normalizer.NormalizeName(address);
        await securityLog.WriteForAddressAsync(SecurityLog.PasswordResetRequested, address, normalized, remoteAddress);
        if (mail.CanSend)
        {
            jobs.Enqueue<PasswordResets>(r => r.SendRequestedLinkAsync(normalized, CancellationToken.None));
        }
    }

    /// <summary>
    /// The job of a request on the forgotten-password page: issues a new link for the account of the
    /// address and e-mails it, in one transaction; does nothing for an address without an account in use.
    /// </summary>
    /// <param name="normalizedAddress">The address as Identity normalizes user names.</param>
    /// <param name="cancellationToken">Cancels the job.</param>
    public async Task SendRequestedLinkAsync(string normalizedAddress, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalizedAddress, cancellationToken);
        if (!mail.CanSend || user is null || !IsInUse(user))
        {
            return;
        }

        var link = await IssueAsync(db, user.Id, cancellationToken);
        await mail.QueuePasswordResetAsync(db, user, link, cancellationToken);
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(cancellationToken);
        await securityLog.WriteAboutUserAsync(SecurityLog.PasswordResetIssued, user.UserName, user, "sent by e-mail");
    }

    /// <summary>
    /// An administrator issues a new link for an account in use; the account's older link stops working.
    /// The link is e-mailed to the account when mail can be sent (<see cref="AccountLink.SentTo"/>).
    /// </summary>
    /// <param name="userId">The account.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The outcome, and the link (to show once unless it was sent) when it was saved.</returns>
    public async Task<(ChangeResult Result, AccountLink? Link)> IssueAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        AccountLink? link = null;
        var result = await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(UserAdministration.IsAdministrator(currentUser)), UserAdministration.OnlyAdministrators)
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => user.DeactivatedAt is not null ? new Problem("This user is deactivated. Reactivate them first.")
                : user.PasswordHash is null ? new Problem("This user has not chosen a password yet. Issue a new invitation link instead.")
                : null)
            .Apply(async (user, ct) =>
            {
                link = await IssueAsync(db, user.Id, ct);
                if (mail.CanSend)
                {
                    await mail.QueuePasswordResetAsync(db, user, link, ct);
                    link = link with { SentTo = user.Email };
                }

                // Saved with the account's row, so that a concurrent change of the account is a conflict.
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                return null;
            })
            .Then((user, _) => securityLog.WriteAboutUserAsync(SecurityLog.PasswordResetIssued, currentUser.UserName, user, link?.SentTo is null ? null : "sent by e-mail"))
            .ResultId(_ => 0)
            .SaveAsync(UserAdministration.UserConflict, cancellationToken);
        return (result, result.Succeeded ? link : null);
    }

    private static bool IsInUse(CrmUser user) => user.DeactivatedAt is null && user.PasswordHash is not null;

    private async Task<AccountLink> IssueAsync(CrmDbContext db, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var token = AccountLinkTokens.New();
        var reset = await db.UserPasswordResets.FirstOrDefaultAsync(r => r.UserId == userId, cancellationToken)
            ?? db.UserPasswordResets.Add(new UserPasswordReset { UserId = userId, TokenHash = string.Empty }).Entity;
        reset.TokenHash = AccountLinkTokens.HashOf(token);
        reset.CreatedAt = now;
        reset.ExpiresAt = now + Lifetime;
        reset.UsedAt = null;
        return new AccountLink(AccountLink.PasswordResetPage, token, reset.ExpiresAt);
    }
}
