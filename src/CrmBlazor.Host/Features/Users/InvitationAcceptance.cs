using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Users;

/// <summary>What an invitation link is worth now.</summary>
public enum InvitationStatus
{
    /// <summary>Open: the person can choose a password with it.</summary>
    Open,

    /// <summary>No such link: mistyped, replaced by a newer one, or withdrawn by a deactivation.</summary>
    Unknown,

    /// <summary>Already used to choose a password.</summary>
    Used,

    /// <summary>Past its expiry.</summary>
    Expired,
}

/// <summary>The outcome of choosing a password with an invitation link.</summary>
/// <param name="Status"><see cref="InvitationStatus.Open"/> when the password was set (the link is used now), otherwise why the link did not work.</param>
/// <param name="PasswordErrors">Identity's password rules the password broke (the link stays open), or none.</param>
public sealed record InvitationAnswer(InvitationStatus Status, IReadOnlyList<string> PasswordErrors)
{
    /// <summary>Whether the password was set and the account is in use.</summary>
    public bool Accepted => Status == InvitationStatus.Open && PasswordErrors.Count == 0;
}

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
    public async Task<(InvitationStatus Status, string? Email)> CheckAsync(string? token, CancellationToken cancellationToken = default)
    {
        var (status, invitation) = await FindAsync(token, cancellationToken);
        if (status != InvitationStatus.Open)
        {
            return (status, null);
        }

        var email = await db.Users.Where(u => u.Id == invitation!.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return (InvitationStatus.Open, email);
    }

    /// <summary>Sets the password of the invited account and uses the link up; nothing changes when the password breaks a rule.</summary>
    /// <param name="token">The token from the link.</param>
    /// <param name="password">The password chosen.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<InvitationAnswer> AcceptAsync(string? token, string password, CancellationToken cancellationToken = default)
    {
        var (status, invitation) = await FindAsync(token, cancellationToken);
        if (status != InvitationStatus.Open)
        {
            return new InvitationAnswer(status, []);
        }

        var user = await users.FindByIdAsync(invitation!.UserId);
        if (user is null || user.DeactivatedAt is not null || user.PasswordHash is not null)
        {
            return new InvitationAnswer(InvitationStatus.Used, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Claimed by a conditional update: of two submissions at once, only one finds it unused.
        var claimed = await db.UserInvitations
            .Where(i => i.Id == invitation.Id && i.TokenHash == invitation.TokenHash && i.UsedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.UsedAt, now), cancellationToken);
        if (claimed == 0)
        {
            return new InvitationAnswer(InvitationStatus.Used, []);
        }

        user.EmailConfirmed = true;
        var result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            // Disposing the transaction without a commit gives the link back.
            return new InvitationAnswer(InvitationStatus.Open, [.. result.Errors.Select(e => e.Description)]);
        }

        await transaction.CommitAsync(cancellationToken);
        await securityLog.WriteAboutUserAsync(Accepted, user.UserName, user, null);
        return new InvitationAnswer(InvitationStatus.Open, []);
    }

    private async Task<(InvitationStatus Status, UserInvitation? Invitation)> FindAsync(string? token, CancellationToken cancellationToken)
    {
        // A token is 43 characters; anything far longer is not one, and is not hashed.
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return (InvitationStatus.Unknown, null);
        }

        var hash = UserInvitations.HashOf(token.Trim());
        var invitation = await db.UserInvitations.AsNoTracking().FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return invitation switch
        {
            null => (InvitationStatus.Unknown, null),
            { UsedAt: not null } => (InvitationStatus.Used, invitation),
            _ when invitation.ExpiresAt <= clock.GetUtcNow() => (InvitationStatus.Expired, invitation),
            _ => (InvitationStatus.Open, invitation),
        };
    }
}
