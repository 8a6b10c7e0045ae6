using System.Text;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Users;

/// <summary>The read side of the users page: a page of accounts with their roles, state and last sign-in. Administrators only.</summary>
public sealed class UserQueries(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    TimeProvider clock,
    SecurityLog securityLog,
    IOptions<IdentityOptions> identity)
{
    /// <summary>A page of users in name order, and how many match in all.</summary>
    /// <param name="search">Words that must each appear in the name or the e-mail address (any script, any case), or null for all.</param>
    /// <param name="page">The page, from 0.</param>
    /// <param name="pageSize">Users per page.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <exception cref="UnauthorizedAccessException">The current user is not an administrator.</exception>
    public async Task<(IReadOnlyList<UserRow> Items, int Total)> PageAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            throw new UnauthorizedAccessException("Only administrators can list users.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = db.Users.AsNoTracking();
        foreach (var word in WordsOf(search))
        {
            // Names are compared in lower case and addresses as Identity normalizes them (upper case);
            // the scripts of Indian languages, Urdu and Georgian have no case, and match as typed.
            var lower = word.ToLowerInvariant();
            var upper = word.ToUpperInvariant();
#pragma warning disable CA1862 // Translated to SQL (lower(), instr/strpos), where no comparison overload exists.
            users = users.Where(u => (u.DisplayName != null && u.DisplayName.ToLower().Contains(lower)) || (u.NormalizedEmail != null && u.NormalizedEmail.Contains(upper)));
#pragma warning restore CA1862
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users
            .OrderBy(u => u.DisplayName ?? u.Email).ThenBy(u => u.Email).ThenBy(u => u.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.NormalizedUserName,
                u.PasswordHash,
                u.DeactivatedAt,
                u.LockoutEnd,
                u.TwoFactorEnabled,
                u.ConcurrencyStamp,
            })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var names = rows.Select(r => r.NormalizedUserName).OfType<string>().ToList();
        var roles = (await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId)
                            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name!);
        var lastSignIns = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityLog.SignedIn && e.NormalizedUserName != null && names.Contains(e.NormalizedUserName))
            .GroupBy(e => e.NormalizedUserName!)
            .Select(g => new { Name = g.Key, At = g.Max(e => e.OccurredAt) })
            .ToDictionaryAsync(g => g.Name, g => g.At, cancellationToken);
        var lockedAddresses = await securityLog.LockedAddressesAsync(names, clock.GetUtcNow() - identity.Value.Lockout.DefaultLockoutTimeSpan, cancellationToken);
        var resetRequests = await OpenResetRequestsAsync(db, names, cancellationToken);

        var now = clock.GetUtcNow();
        return ([.. rows.Select(r => new UserRow(
            r.Id,
            string.IsNullOrWhiteSpace(r.DisplayName) ? r.Email ?? r.Id : r.DisplayName,
            r.Email ?? string.Empty,
            [.. CrmRoles.All.Where(role => roles[r.Id].Contains(role))],
            UserAdministration.IsErased(r.Email) ? UserState.Erased
                : r.DeactivatedAt is not null ? UserState.Deactivated
                : r.PasswordHash is null ? UserState.Invited
                : r.LockoutEnd > now || (r.NormalizedUserName is not null && lockedAddresses.Contains(r.NormalizedUserName)) ? UserState.Locked
                : UserState.Active,
            r.NormalizedUserName is not null && lastSignIns.TryGetValue(r.NormalizedUserName, out var at) ? at : null,
            r.TwoFactorEnabled,
            r.ConcurrencyStamp ?? string.Empty,
            r.NormalizedUserName is not null && resetRequests.TryGetValue(r.NormalizedUserName, out var requested) ? requested : null))], total);
    }

    /// <summary>
    /// The addresses locked now by failed sign-ins (see <c>PasswordSignIn</c>): the latest of their
    /// lock-outs, successes and unlocks within the lock-out time is a lock-out.
    /// </summary>
    /// <summary>
    /// The addresses whose latest password reset event is a request (no link issued or password reset
    /// since), with when it was asked.
    /// </summary>
    private static async Task<Dictionary<string, DateTimeOffset>> OpenResetRequestsAsync(CrmDbContext db, List<string> names, CancellationToken cancellationToken)
    {
        string[] kinds = [SecurityLog.PasswordResetRequested, SecurityLog.PasswordResetIssued, SecurityLog.PasswordReset];
        var events = await db.SecurityEvents.AsNoTracking()
            .Where(e => e.NormalizedUserName != null && names.Contains(e.NormalizedUserName) && kinds.Contains(e.Kind))
            .GroupBy(e => new { Name = e.NormalizedUserName!, e.Kind })
            .Select(g => new { g.Key.Name, g.Key.Kind, Id = g.Max(e => e.Id), At = g.Max(e => e.OccurredAt) })
            .ToListAsync(cancellationToken);
        return events.GroupBy(e => e.Name)
            .Select(g => g.MaxBy(e => e.Id)!)
            .Where(e => e.Kind == SecurityLog.PasswordResetRequested)
            .ToDictionary(e => e.Name, e => e.At);
    }

    private static IEnumerable<string> WordsOf(string? search) =>
        string.IsNullOrWhiteSpace(search)
            ? []
            : search.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
