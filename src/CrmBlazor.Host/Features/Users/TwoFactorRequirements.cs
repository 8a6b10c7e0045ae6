using CrmBlazor.Host.Data;
using CrmBlazor.Host.Features.Account;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Users;

/// <summary>A role and whether its members must use two-factor sign-in.</summary>
/// <param name="Role">The role (<c>CrmRoles</c>).</param>
/// <param name="Required">Whether two-factor sign-in is required.</param>
public sealed record TwoFactorRequirement(string Role, bool Required);

/// <summary>
/// Administrators choose the roles whose members must sign in with two factors
/// (<see cref="CrmRole.RequiresTwoFactor"/>). Each change carries the state the page showed (a
/// concurrent change is a conflict), is audited with the role and written to the security log, and
/// applies at once on this instance (<see cref="RequiredTwoFactor"/>), within a minute on others.
/// </summary>
public sealed class TwoFactorRequirements(
    IDbContextFactory<CrmDbContext> contexts,
    CurrentUser currentUser,
    RequiredTwoFactor required,
    SecurityLog securityLog)
{
    /// <summary>Security log: an administrator changed whether a role requires two-factor sign-in.</summary>
    public const string Changed = "two-factor-requirement-changed";

    private static readonly Problem ChangedMeanwhile =
        new("Someone else changed this setting meanwhile. Nothing was saved: the page now shows the current setting.");

    /// <summary>Every role with its requirement, in <c>CrmRoles.All</c> order; empty for a user who is not an administrator.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<TwoFactorRequirement>> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!UserAdministration.IsAdministrator(currentUser))
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking().Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.RequiresTwoFactor, cancellationToken);
        return [.. CrmRoles.All.Where(roles.ContainsKey).Select(r => new TwoFactorRequirement(r, roles[r]))];
    }

    /// <summary>Requires two-factor sign-in of a role's members, or stops requiring it.</summary>
    /// <param name="change">The role and its new state; the page showed the opposite.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>Saved; Forbidden for a user who is not an administrator; NotFound for an unknown role; Conflict when it already is in that state.</returns>
    public async Task<ChangeResult> ChangeAsync(TwoFactorRequirement change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Change<CrmRole>()
            .Allow(_ => Task.FromResult(UserAdministration.IsAdministrator(currentUser)), UserAdministration.OnlyAdministrators)
            .Load(ct => db.Roles.FirstOrDefaultAsync(r => r.Name == change.Role, ct))
            .Check(role => role.RequiresTwoFactor == change.Required ? ChangeResult.Conflict(ChangedMeanwhile) : null)
            .Apply(role =>
            {
                role.RequiresTwoFactor = change.Required;
                role.ConcurrencyStamp = Guid.NewGuid().ToString();
            })
            .Then(async (role, _) =>
            {
                required.Invalidate();
                await securityLog.WriteAsync(Changed, currentUser.UserName, null, $"{role.Name}: {(change.Required ? "required" : "not required")}");
            })
            .ResultId(_ => 0)
            .SaveAsync(ChangedMeanwhile, cancellationToken);
    }
}
