using CrmBlazor.Data;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Features.Mail;
using CrmBlazor.Host.Features.Privacy;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Data;
using CrmBlazor.Sdk.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// What administrators do to accounts: change roles, deactivate, reactivate, unlock, erase the personal
/// data of a deactivated account. Every method checks on the server that the current user is an
/// administrator, expects the version of the account the page showed (a concurrent change is a
/// conflict, not overwritten), and records the change in the security log with who made it. Accounts
/// are never deleted: the work recorded under them stays, under an anonymous name once erased.
/// </summary>
/// <remarks>
/// The last active administrator cannot be deactivated or lose the role. Two administrators demoting
/// each other at the same moment must not leave none, so every change that could take an
/// administrator away first updates the Admin role's row inside its transaction: that row lock (a
/// write lock on SQLite) makes such changes run one after another, and each counts the administrators
/// that the one before it left.
/// </remarks>
public sealed class UserAdministration(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    UserSessions sessions,
    SecurityLog securityLog,
    StaffPersonalData staffData,
    TimeProvider clock)
{
    /// <summary>Security log: an administrator changed a user's roles.</summary>
    public const string RolesChanged = "user-roles-changed";

    /// <summary>Security log: an administrator deactivated a user.</summary>
    public const string Deactivated = "user-deactivated";

    /// <summary>Security log: an administrator reactivated a user.</summary>
    public const string Reactivated = "user-reactivated";

    /// <summary>Security log: an administrator erased a deactivated user's personal data.</summary>
    public const string Erased = "user-erased";

    /// <summary>The domain of the addresses erased accounts get (reserved, RFC 2606: no mail reaches it).</summary>
    public const string ErasedDomain = "erased.invalid";

    internal static readonly Problem UserConflict =
        new("Someone else changed this user meanwhile. Nothing was saved: reload the list and try again.");

    internal static readonly Problem OnlyAdministrators = new("Only administrators can manage users.");

    private static readonly Problem LastAdministrator =
        new("This is the last active administrator. Make someone else an administrator first.");

    /// <summary>Whether the user may manage users: administrators only, whatever the permission grants say.</summary>
    /// <param name="user">The current user.</param>
    public static bool IsAdministrator(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && user.IsInRole(CrmRoles.Admin);
    }

    /// <summary>Gives a user exactly these roles. Takes effect for their open pages within a minute.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="input">The roles, at least one.</param>
    /// <param name="version">The version the page showed (<see cref="UserRow.Version"/>).</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> ChangeRolesAsync(string userId, RolesInput input, string version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        List<string> before = [];
        var roles = input.Roles.Distinct(StringComparer.Ordinal).ToList();
        return await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(IsAdministrator(currentUser)), OnlyAdministrators)
            .Validate(input, errors => CheckRoles(roles, errors, nameof(RolesInput.Roles)))
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => Expect(db, user, version))
            .InTransaction()
            .Apply(async (user, ct) =>
            {
                var roleIds = await RoleIdsAsync(db, ct);
                var current = await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(ct);
                before = [.. CrmRoles.All.Where(r => current.Any(ur => ur.RoleId == roleIds[r]))];
                if (IsActive(user) && before.Contains(CrmRoles.Admin) && !roles.Contains(CrmRoles.Admin)
                    && await RefuseLastAdministratorAsync(db, user, roleIds[CrmRoles.Admin], ct) is { } refused)
                {
                    return refused;
                }

                db.UserRoles.RemoveRange(current.Where(ur => !roles.Any(r => roleIds[r] == ur.RoleId)));
                db.UserRoles.AddRange(roles.Where(r => !before.Contains(r)).Select(r => new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[r] }));
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                return null;
            })
            .Then((user, _) => securityLog.WriteAboutUserAsync(RolesChanged, currentUser.UserName, user,
                $"{string.Join(", ", before)} → {string.Join(", ", CrmRoles.All.Where(roles.Contains))}"))
            .ResultId(_ => 0)
            .SaveAsync(UserConflict, cancellationToken);
    }

    /// <summary>
    /// Deactivates a user: they cannot sign in, their sessions end at once (open pages within a minute)
    /// and an open invitation or password reset link stops working. Refused for oneself and for the last active administrator.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> DeactivateAsync(string userId, string version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(IsAdministrator(currentUser)), OnlyAdministrators)
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => user.Id == currentUser.UserId ? new Problem("You cannot deactivate your own account.") : null)
            .Check(user => user.DeactivatedAt is not null ? new Problem("This user is already deactivated.") : null)
            .Check(user => Expect(db, user, version))
            .InTransaction()
            .Apply(async (user, ct) =>
            {
                var adminRole = (await RoleIdsAsync(db, ct))[CrmRoles.Admin];
                if (IsActive(user) && await db.UserRoles.AnyAsync(ur => ur.UserId == user.Id && ur.RoleId == adminRole, ct)
                    && await RefuseLastAdministratorAsync(db, user, adminRole, ct) is { } refused)
                {
                    return refused;
                }

                user.DeactivatedAt = clock.GetUtcNow();
                // A new stamp refuses the principal of every cookie and circuit issued before.
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                await db.UserInvitations.Where(i => i.UserId == user.Id).ExecuteDeleteAsync(ct);
                await db.UserPasswordResets.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
                return null;
            })
            .Then(async (user, ct) =>
            {
                await sessions.EndAllAsync(user.Id, cancellationToken: CancellationToken.None);
                await securityLog.WriteAboutUserAsync(Deactivated, currentUser.UserName, user, null);
            })
            .ResultId(_ => 0)
            .SaveAsync(UserConflict, cancellationToken);
    }

    /// <summary>Reactivates a deactivated user: they can sign in again with their password (an account that was invited needs a new invitation).</summary>
    /// <param name="userId">The user.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> ReactivateAsync(string userId, string version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(IsAdministrator(currentUser)), OnlyAdministrators)
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => user.DeactivatedAt is null ? new Problem("This user is not deactivated.") : null)
            .Check(user => IsErased(user.Email) ? new Problem("This user's personal data was erased; invite the person again instead.") : null)
            .Check(user => Expect(db, user, version))
            .Apply(user =>
            {
                user.DeactivatedAt = null;
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            })
            .Then((user, _) => securityLog.WriteAboutUserAsync(Reactivated, currentUser.UserName, user, null))
            .ResultId(_ => 0)
            .SaveAsync(UserConflict, cancellationToken);
    }

    /// <summary>
    /// Unlocks a user locked by failed sign-ins (the address's lock in the security log) or by
    /// Identity's lock-out: they can sign in again at once.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> UnlockAsync(string userId, string version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(IsAdministrator(currentUser)), OnlyAdministrators)
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => Expect(db, user, version))
            .Apply(user =>
            {
                user.LockoutEnd = null;
                user.AccessFailedCount = 0;
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            })
            // The unlock event ends the address's run of failures (PasswordSignIn counts from it).
            .Then((user, _) => securityLog.WriteAboutUserAsync(SecurityLog.Unlocked, currentUser.UserName, user, null))
            .ResultId(_ => 0)
            .SaveAsync(UserConflict, cancellationToken);
    }

    /// <summary>
    /// Erases the personal data of a deactivated account (GDPR article 17): first what the plugins hold
    /// about the user (<see cref="StaffPersonalData"/>; refused while a plugin holding data is not loaded),
    /// then the account: the name becomes "Former user" with a short code, the address one at <see cref="ErasedDomain"/>; the password, the authenticator
    /// key and recovery codes, the remembered language and time zone go; the account's name and address
    /// are replaced in the security log and the audit log. The account itself stays, so the work recorded
    /// under it (time, invoices, interactions) keeps its author, anonymously. Cannot be undone.
    /// </summary>
    /// <param name="userId">The user.</param>
    /// <param name="version">The version the page showed.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> EraseAsync(string userId, string version, CancellationToken cancellationToken = default)
    {
        // The plugins' data about the user first (working hours, time off...), in their own databases and
        // transactions, while the account still holds the names they search for; only for an erasure the
        // checks below will let through. Interrupted after this step, the erasure is simply asked again.
        await using (var before = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (IsAdministrator(currentUser)
                && await before.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } account
                && RefuseErasure(account, version) is null
                && (await staffData.EraseAsync(account, cancellationToken)).Refusal is { } refusal)
            {
                return ChangeResult.Invalid(string.Empty, refusal);
            }
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CrmUser>()
            .Allow(_ => Task.FromResult(IsAdministrator(currentUser)), OnlyAdministrators)
            .Load(ct => db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct))
            .Check(user => RefuseErasure(user, version) ?? Expect(db, user, version))
            .InTransaction()
            .Apply(async (user, ct) =>
            {
                var subject = new PersonalDataSubject(
                    0, null, [.. new[] { user.DisplayName, user.UserName }.OfType<string>()], [.. new[] { user.Email }.OfType<string>()]);
                var oldName = user.NormalizedUserName;
                var address = $"user-{ErasureCode(user.Id)}@{ErasedDomain}";
                user.DisplayName = AnonymousName(user.Id);
                user.UserName = user.Email = address;
                user.NormalizedUserName = user.NormalizedEmail = address.ToUpperInvariant();
                user.PasswordHash = null;
                user.PhoneNumber = null;
                user.Culture = null;
                user.TimeZone = null;
                user.TwoFactorEnabled = false;
                user.LockoutEnd = null;
                user.SecurityStamp = Guid.NewGuid().ToString("N");
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                await db.UserTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
                await db.UserLogins.Where(l => l.UserId == user.Id).ExecuteDeleteAsync(ct);
                await db.UserClaims.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
                await db.UserInvitations.Where(i => i.UserId == user.Id).ExecuteDeleteAsync(ct);
                await db.UserPasswordResets.Where(r => r.UserId == user.Id).ExecuteDeleteAsync(ct);
                await RedactLogsAsync(db, user, oldName, subject, ct);
                return null;
            })
            // The audit entries of the account (this change's too) copied its name and address: their
            // values go, the record that a change happened (who, when, what kind) stays.
            .AlsoSave((user, ct) => db.AuditEntries
                .Where(a => a.Owner == CrmDbContextOptions.CoreOwnerId && a.Entity == nameof(CrmUser) && a.EntityKey == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Changes, "{\"erased\":true}"), ct))
            .Then(async (user, ct) =>
            {
                await sessions.EndAllAsync(user.Id, cancellationToken: CancellationToken.None);
                await securityLog.WriteAboutUserAsync(Erased, currentUser.UserName, user, null);
            })
            .ResultId(_ => 0)
            .SaveAsync(UserConflict, cancellationToken);
    }

    /// <summary>The name an account gets when its personal data is erased: "Former user" and a short code.</summary>
    /// <param name="userId">The account.</param>
    public static string AnonymousName(string userId) => $"Former user {ErasureCode(userId)}";

    /// <summary>Whether an account's personal data was erased (<see cref="EraseAsync"/>).</summary>
    /// <param name="email">The account's address.</param>
    public static bool IsErased(string? email) =>
        email is not null && email.EndsWith("@" + ErasedDomain, StringComparison.OrdinalIgnoreCase);

    // The security log keys events by the address; the audit log names the actor; stored events, job
    // arguments and audit values may mention the person; messages to them (invitations, resets) are
    // emptied. All keep what happened and when, with the
    // erased address and name in place of the person's. The change pipeline saves.
    private static async Task RedactLogsAsync(CrmDbContext db, CrmUser user, string? oldName, PersonalDataSubject subject, CancellationToken cancellationToken)
    {
        if (oldName is not null)
        {
            await db.SecurityEvents.Where(e => e.NormalizedUserName == oldName)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.NormalizedUserName, user.NormalizedUserName), cancellationToken);
        }

        var mentions = PersonalDataRedaction.MentionsOf(subject);
        foreach (var mention in mentions)
        {
            var events = await db.SecurityEvents
                .Where(e => (e.UserName != null && e.UserName.Contains(mention)) || (e.Detail != null && e.Detail.Contains(mention)))
                .ToListAsync(cancellationToken);
            foreach (var e in events)
            {
                e.UserName = mentions.Contains(e.UserName!) ? user.UserName : PersonalDataRedaction.RedactText(e.UserName, mentions);
                e.Detail = PersonalDataRedaction.RedactText(e.Detail, mentions);
            }
        }

        await db.AuditEntries.Where(a => a.ActorId == user.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, user.DisplayName), cancellationToken);
        await PersonalDataService.RedactStoredMentionsAsync(db, subject, cancellationToken);
        await OutboxPersonalData.EraseAsync(db, null, subject, cancellationToken);
    }

    // The code of an erased account's name and address, the same for both.
    private static string ErasureCode(string userId) => userId.Replace("-", string.Empty, StringComparison.Ordinal)[..8];

    // Why an account's personal data cannot be erased now, or null: asked before the plugins erase their
    // part (so they erase only for an erasure that will go through) and again inside the change.
    private static ChangeResult? RefuseErasure(CrmUser user, string version) =>
        user.DeactivatedAt is null ? ChangeResult.Invalid(string.Empty, new Problem("Deactivate this user before erasing their personal data."))
        : IsErased(user.Email) ? ChangeResult.Invalid(string.Empty, new Problem("This user's personal data is already erased."))
        : user.ConcurrencyStamp != version ? ChangeResult.Conflict(UserConflict)
        : null;

    /// <summary>Adds a message for each role that does not exist, or one when there is none.</summary>
    internal static void CheckRoles(IReadOnlyCollection<string> roles, Dictionary<string, Problem[]> errors, string field)
    {
        if (roles.Count == 0)
        {
            errors[field] = [new Problem("Choose at least one role.")];
        }
        else if (roles.FirstOrDefault(r => !CrmRoles.All.Contains(r)) is { } unknown)
        {
            errors[field] = [new Problem("There is no role {0}.", unknown)];
        }
    }

    /// <summary>The version check of an account: its concurrency stamp, also compared by the save's WHERE clause.</summary>
    internal static ChangeResult? Expect(CrmDbContext db, CrmUser user, string version)
    {
        if (user.ConcurrencyStamp != version)
        {
            return ChangeResult.Conflict(UserConflict);
        }

        db.Entry(user).Property(u => u.ConcurrencyStamp).OriginalValue = version;
        return null;
    }

    /// <summary>Whether the account is in use: it has a password (not only invited) and is not deactivated.</summary>
    private static bool IsActive(CrmUser user) => user.DeactivatedAt is null && user.PasswordHash is not null;

    internal static async Task<Dictionary<string, string>> RoleIdsAsync(CrmDbContext db, CancellationToken cancellationToken) =>
        await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);

    /// <summary>
    /// Refuses when no other active administrator would remain. Called inside the change's transaction:
    /// the update of the Admin role's row makes every such check wait for the one before to commit.
    /// </summary>
    private static async Task<ChangeResult?> RefuseLastAdministratorAsync(CrmDbContext db, CrmUser user, string adminRoleId, CancellationToken cancellationToken)
    {
        await db.Roles.Where(r => r.Id == adminRoleId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
        var others = await (from ur in db.UserRoles
                            join u in db.Users on ur.UserId equals u.Id
                            where ur.RoleId == adminRoleId && u.Id != user.Id && u.DeactivatedAt == null && u.PasswordHash != null
                            select u.Id).AnyAsync(cancellationToken);
        return others ? null : ChangeResult.Invalid(string.Empty, LastAdministrator);
    }
}
