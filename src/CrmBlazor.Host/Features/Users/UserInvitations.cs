using System.Globalization;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Localization;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// Invites people: creates the account without a password, in the roles given, and issues the link
/// that lets the person choose one (<see cref="InvitationAcceptance"/>). Administrators only. When mail
/// can be sent (<see cref="AccountLinkMail"/>) the link is e-mailed to the person, queued in the
/// transaction that creates it; otherwise it is returned to the caller, once, to show and hand over.
/// See docs/decisions/0017-invitation-links.md.
/// </summary>
public sealed class UserInvitations(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    ILookupNormalizer normalizer,
    SecurityLog securityLog,
    AccountLinkMail mail,
    TimeProvider clock,
    IConfiguration configuration)
{
    /// <summary>Security log: an administrator invited someone, or issued a new link.</summary>
    public const string Invited = "user-invited";

    /// <summary>The setting of how many days a link works (7 unless set).</summary>
    public const string LifetimeSetting = "Crm:Users:InvitationDays";

    /// <summary>How long a link works.</summary>
    public TimeSpan Lifetime => TimeSpan.FromDays(Math.Clamp(configuration.GetValue(LifetimeSetting, 7), 1, 90));

    /// <summary>Creates an invited account and its link.</summary>
    /// <param name="input">Name, e-mail address and roles.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The outcome, and the link when it was saved.</returns>
    public async Task<(ChangeResult Result, AccountLink? Link)> InviteAsync(InviteInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var email = input.Email.Trim();
        var normalized = normalizer.NormalizeEmail(email);
        var roles = input.Roles.Distinct(StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow();
        AccountLink? link = null;
        var result = await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(UserAdministration.IsAdministrator(currentUser)), UserAdministration.OnlyAdministrators)
            .Validate(input, async (errors, ct) =>
            {
                UserAdministration.CheckRoles(roles, errors, nameof(InviteInput.Roles));
                if (input.Culture is not null && CrmCultures.Find(input.Culture) is null)
                {
                    errors[nameof(InviteInput.Culture)] = [new Problem("Choose a language.")];
                }

                if (!errors.ContainsKey(nameof(InviteInput.Email))
                    && await db.Users.AnyAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct))
                {
                    errors[nameof(InviteInput.Email)] = [new Problem("There is already a user with this e-mail address.")];
                }
            })
            .Create(() => new CrmUser
            {
                UserName = email,
                NormalizedUserName = normalizer.NormalizeName(email),
                Email = email,
                NormalizedEmail = normalized,
                DisplayName = input.DisplayName.Trim(),
                Culture = (CrmCultures.Find(input.Culture) ?? CrmCultures.Find(CultureInfo.CurrentUICulture.Name))?.Name,
                CreatedAt = now,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            })
            .InTransaction()
            .Apply(async (user, ct) =>
            {
                var roleIds = await UserAdministration.RoleIdsAsync(db, ct);
                db.UserRoles.AddRange(roles.Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[r] }));
                link = await SendAsync(db, user, Issue(db, user.Id, null, now), ct);
                return null;
            })
            .Then((user, _) => securityLog.WriteAboutUserAsync(Invited, currentUser.UserName, user,
                string.Join(", ", roles) + (link?.SentTo is null ? string.Empty : "; sent by e-mail")))
            .ResultId(_ => 0)
            .SaveAsync(UserAdministration.UserConflict, cancellationToken);
        return (result, result.Succeeded ? link : null);
    }

    /// <summary>Issues a new link for an account that is still invited; the link issued before stops working.</summary>
    /// <param name="userId">The invited account.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>The outcome, and the new link when it was saved.</returns>
    public async Task<(ChangeResult Result, AccountLink? Link)> ReinviteAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        AccountLink? link = null;
        var result = await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(UserAdministration.IsAdministrator(currentUser)), UserAdministration.OnlyAdministrators)
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => user.DeactivatedAt is not null ? new Problem("This user is deactivated. Reactivate them first.")
                : user.PasswordHash is not null ? new Problem("This user has already chosen a password.")
                : null)
            .Apply(async (user, ct) =>
            {
                var existing = await db.UserInvitations.FirstOrDefaultAsync(i => i.UserId == user.Id, ct);
                link = await SendAsync(db, user, Issue(db, user.Id, existing, now), ct);
                // Saved with the account's row, so that a concurrent change of the account is a conflict.
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                return null;
            })
            .Then((user, _) => securityLog.WriteAboutUserAsync(Invited, currentUser.UserName, user, link?.SentTo is null ? "new link" : "new link sent by e-mail"))
            .ResultId(_ => 0)
            .SaveAsync(UserAdministration.UserConflict, cancellationToken);
        return (result, result.Succeeded ? link : null);
    }

    /// <summary>SHA-256 of a link's token as stored in <see cref="UserInvitation.TokenHash"/>.</summary>
    /// <param name="token">The token from the link.</param>
    public static string HashOf(string token) => AccountLinkTokens.HashOf(token);

    // E-mails the link when mail can be sent, with the save that stores it.
    private async Task<AccountLink> SendAsync(CrmDbContext db, CrmUser user, AccountLink link, CancellationToken cancellationToken)
    {
        if (!mail.CanSend)
        {
            return link;
        }

        await mail.QueueInvitationAsync(db, user, link, cancellationToken);
        return link with { SentTo = user.Email };
    }

    private AccountLink Issue(CrmDbContext db, string userId, UserInvitation? existing, DateTimeOffset now)
    {
        var token = AccountLinkTokens.New();
        var invitation = existing ?? db.UserInvitations.Add(new UserInvitation { UserId = userId, TokenHash = string.Empty }).Entity;
        invitation.TokenHash = HashOf(token);
        invitation.CreatedAt = now;
        invitation.ExpiresAt = now + Lifetime;
        invitation.UsedAt = null;
        return new AccountLink(AccountLink.InvitationPage, token, invitation.ExpiresAt);
    }
}
