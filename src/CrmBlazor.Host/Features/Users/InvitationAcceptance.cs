using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// The public side of an invitation (<c>/account/invitation</c>, no sign-in): tells what a link is worth
/// and lets the invited person choose their password with it, once, before it expires, for the account
/// it was issued for. Identity's password validators apply.
/// </summary>
public sealed class InvitationAcceptance(
    CrmDbContext db,
    UserManager<CrmUser> users,
    SecurityLog securityLog,
    TimeProvider clock)
{
    /// <summary>Security log: an invited person chose their password.</summary>
    public const string Accepted = "invitation-accepted";

    /// <summary>What the link is worth, and the invited account's address when it is open.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<(AccountLinkStatus Status, string? Email)> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (status, invitation) = await FindAsync(token, cancellationToken);
        if (status != AccountLinkStatus.Open)
        {
            return (status, null);
        }

        var email = await db.Users.Where(u => u.Id == invitation!.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return (AccountLinkStatus.Open, email);
    }

    /// <summary>Sets the password of the invited account and uses the link up; nothing changes when the password breaks a rule.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="password">The password chosen.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<AccountLinkAnswer> AcceptAsync(string? token, string password, CancellationToken cancellationToken = default)
    {
        var (status, invitation) = await FindAsync(token, cancellationToken);
        if (status != AccountLinkStatus.Open)
        {
            return new AccountLinkAnswer(status, []);
        }

        var user = await users.FindByIdAsync(invitation!.UserId);
        if (user is null || user.DeactivatedAt is not null || user.PasswordHash is not null)
        {
            return new AccountLinkAnswer(AccountLinkStatus.Used, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Claimed by a conditional update: of two submissions at once, only one finds it unused.
        var claimed = await db.UserInvitations
            .Where(i => i.Id == invitation.Id && i.TokenHash == invitation.TokenHash && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return new AccountLinkAnswer(AccountLinkStatus.Used, []);
        }

        user.EmailConfirmed = true;
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            // Disposing the transaction without a commit gives the link back.
            return new AccountLinkAnswer(AccountLinkStatus.Open, [.. result.Errors.Select(e => e.Description)]);
        }

        await transaction.CommitAsync(cancellationToken);
        await securityLog.WriteAboutUserAsync(Accepted, user.UserName, user, null);
        return new AccountLinkAnswer(AccountLinkStatus.Open, []);
    }

    private async Task<(AccountLinkStatus Status, UserInvitation? Invitation)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (AccountLinkTokens.LookupHashOf(token) is not { } hash)
        {
            return (AccountLinkStatus.Unknown, null);
        }

        var invitation = await db.UserInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation is null
            ? (AccountLinkStatus.Unknown, null)
            : (AccountLinkTokens.StatusOf(invitation.UsedAt, invitation.ExpiresAt, clock.GetUtcNow()), invitation);
    }
}
