using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Users;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Account.PasswordReset;

/// <summary>
/// The public side of a password reset link (<c>/account/reset-password</c>, no sign-in): tells what a
/// link is worth and lets the person choose a new password with it, once, before it expires, for the
/// account it was issued for. Identity's password validators apply. A reset renews the security stamp,
/// ends every session of the account (open pages are signed out within a minute) and clears its lock.
/// </summary>
public sealed class PasswordResetAcceptance(
    CrmDbContext db,
    UserManager<CrmUser> users,
    UserSessions sessions,
    SecurityLog securityLog,
    TimeProvider clock)
{
    /// <summary>What the link is worth, and the account's address when it is open.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(AccountLinkStatus Status, string? Email)> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (status, reset) = await FindAsync(token, cancellationToken);
        if (status != AccountLinkStatus.Open)
        {
            return (status, null);
        }

        var email = await db.Users.Where(u => u.Id == reset!.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return (AccountLinkStatus.Open, email);
    }

    /// <summary>Sets the account's new password and uses the link up; nothing changes when the password breaks a rule.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="password">The new password.</param>
    /// <param name="remoteAddress">The client address, for the security log.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<AccountLinkAnswer> ResetAsync(string? token, string password, string? remoteAddress, CancellationToken cancellationToken = default)
    {
        var (status, reset) = await FindAsync(token, cancellationToken);
        if (status != AccountLinkStatus.Open)
        {
            return new AccountLinkAnswer(status, []);
        }

        var user = await users.FindByIdAsync(reset!.UserId);
        if (user is null || user.DeactivatedAt is not null || user.PasswordHash is null)
        {
            return new AccountLinkAnswer(AccountLinkStatus.Unknown, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Claimed by a conditional update: of two submissions at once, only one finds it unused.
        var claimed = await db.UserPasswordResets
            .Where(r => r.Id == reset.Id && r.TokenHash == reset.TokenHash && r.UsedAt == null && r.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return new AccountLinkAnswer(AccountLinkStatus.Used, []);
        }

        // Identity's reset validates the password, hashes it and renews the security stamp in one
        // update; its own token only carries this request's claim of the link into that call.
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            // Disposing the transaction without a commit gives the link back.
            return new AccountLinkAnswer(AccountLinkStatus.Open, [.. result.Errors.Select(e => e.Description)]);
        }

        await transaction.CommitAsync(cancellationToken);
        await sessions.EndAllAsync(user.Id, cancellationToken: CancellationToken.None);
        // Under the account's address: it ends the address's run of failed sign-ins (PasswordSignIn).
        await securityLog.WriteForAddressAsync(SecurityLog.PasswordReset, user.UserName ?? user.Id, user.NormalizedUserName ?? user.Id, remoteAddress);
        return new AccountLinkAnswer(AccountLinkStatus.Open, []);
    }

    private async Task<(AccountLinkStatus Status, UserPasswordReset? Reset)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (AccountLinkTokens.LookupHashOf(token) is not { } hash)
        {
            return (AccountLinkStatus.Unknown, null);
        }

        var reset = await db.UserPasswordResets.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        return reset is null
            ? (AccountLinkStatus.Unknown, null)
            : (AccountLinkTokens.StatusOf(reset.UsedAt, reset.ExpiresAt, clock.GetUtcNow()), reset);
    }
}
