using System.ComponentModel.DataAnnotations;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>A change of one cell of the permission matrix: give a role a permission, or take it away.</summary>
public sealed class PermissionGrantChange
{
    /// <summary>The permission's name.</summary>
    [Required, MaxLength(200)]
    public string Permission { get; set; } = string.Empty;

    /// <summary>The role (see <see cref="CrmRoles"/>).</summary>
    [Required, MaxLength(64)]
    public string Role { get; set; } = string.Empty;

    /// <summary>
    /// True to give the permission, false to take it away. The user saw the opposite: if the role
    /// already holds it (or no longer does), someone else changed it and the change is a conflict.
    /// </summary>
    public bool Granted { get; set; }
}

/// <summary>
/// Gives roles permissions and takes them away (<c>crm_permission_grants</c>), for administrators only.
/// Each change is written to the audit log with the grant and to the security log; it takes effect at
/// once on this instance and within <see cref="PermissionGrants.Lifetime"/> on the others.
/// </summary>
internal sealed class PermissionGrantService(IDbContextFactory<CrmDbContext> contexts, CurrentUser currentUser, PermissionGrants grants, SecurityLog securityLog)
{
    private static readonly Problem OnlyAdministrators = new("Only administrators may change which role holds which permission.");
    private static readonly Problem ChangedMeanwhile = new("Someone else changed this permission meanwhile. Nothing was saved: the page now shows the current permissions.");
    private static readonly Problem AdministratorsHoldAll = new("Administrators hold every permission; it cannot be taken from them.");
    private static readonly Problem AdministrationIsAdministrators = new("Administering the CRM is for administrators only; it cannot be given to another role.");
    private static readonly Problem Unknown = new("There is no such permission or role.");

    /// <summary>Gives a role a permission or takes it away, as the user saw it before.</summary>
    /// <param name="change">The cell and its new state.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    /// <returns>
    /// Saved; Forbidden for a user who is not an administrator; Invalid for the Admin role, the core's
    /// administration, or a permission or role the CRM does not know; Conflict when the role already
    /// holds the permission (or no longer does) because someone else changed it.
    /// </returns>
    public async Task<ChangeResult> ChangeAsync(PermissionGrantChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var role = change.Role;
        var permission = change.Permission;
        var pipeline = db.Change<PermissionGrant>()
            .Allow(_ => Task.FromResult(currentUser.IsInRole(CrmRoles.Admin)), OnlyAdministrators)
            .Validate(change, async (errors, ct) =>
            {
                if (!CrmRoles.All.Contains(role) || !await db.KnownPermissions.AnyAsync(p => p.Name == permission, ct))
                {
                    errors[""] = [Unknown];
                }
                else if (role == CrmRoles.Admin)
                {
                    errors[""] = [AdministratorsHoldAll];
                }
                else if (permission == CorePermissions.Administration)
                {
                    errors[""] = [AdministrationIsAdministrators];
                }
            });

        pipeline = change.Granted
            ? pipeline.Create(() => new PermissionGrant { Role = role, Permission = permission })
                .Check(async (_, ct) => await db.PermissionGrants.AnyAsync(g => g.Role == role && g.Permission == permission, ct) ? ChangeResult.Conflict(ChangedMeanwhile) : null)
            : pipeline.Load(ct => db.PermissionGrants.FirstOrDefaultAsync(g => g.Role == role && g.Permission == permission, ct)).Remove();

        ChangeResult result;
        try
        {
            result = await pipeline
                .ResultId(_ => 0)
                .Then(async (_, _) =>
                {
                    grants.Invalidate();
                    await securityLog.WriteAsync(change.Granted ? SecurityLog.PermissionGranted : SecurityLog.PermissionRevoked, currentUser.UserName, null, $"{permission} → {role}");
                })
                .SaveAsync(ChangedMeanwhile, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator gave the same permission at the same moment: the key refused the second row.
            return ChangeResult.Conflict(ChangedMeanwhile);
        }

        // Taking away a permission the role no longer holds: someone else took it first.
        return result.Status == ChangeStatus.NotFound ? ChangeResult.Conflict(ChangedMeanwhile) : result;
    }
}
