using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>Every permission the CRM knows, grouped by owner, and which roles hold each: what the permissions page shows.</summary>
/// <param name="Groups">The core's permissions, then each loaded plugin's by its name, then those of plugins not loaded.</param>
/// <param name="Grants">The grants stored, as read now (not the cached copy that checks use).</param>
public sealed record PermissionMatrix(IReadOnlyList<PermissionGroup> Groups, IReadOnlySet<(string Role, string Permission)> Grants)
{
    /// <summary>The roles, in the order they are shown (<see cref="CrmRoles.All"/>).</summary>
    public static IReadOnlyList<string> Roles => CrmRoles.All;

    /// <summary>Whether a role holds a permission: administrators hold all of them.</summary>
    /// <param name="role">The role.</param>
    /// <param name="permission">The permission name.</param>
    public bool Holds(string role, string permission) => role == CrmRoles.Admin || Grants.Contains((role, permission));

    /// <summary>
    /// Whether administrators may give a role a permission or take it away: not from the Admin role, which
    /// holds every permission, nor the core's administration, which is the Admin role's alone.
    /// </summary>
    /// <param name="role">The role.</param>
    /// <param name="permission">The permission name.</param>
    public static bool IsEditable(string role, string permission) =>
        role != CrmRoles.Admin && permission != CorePermissions.Administration && CrmRoles.All.Contains(role);
}

/// <summary>The permissions of one owner.</summary>
/// <param name="OwnerId">The core's id (<c>crm</c>) or the plugin's; null for the group of plugins not loaded.</param>
/// <param name="Name">The owner's name (the plugin's display name), or null for the core and for the group of plugins not loaded.</param>
/// <param name="Permissions">Its permissions, in the order they were declared (by name when not loaded).</param>
public sealed record PermissionGroup(string? OwnerId, string? Name, IReadOnlyList<PermissionEntry> Permissions)
{
    /// <summary>Whether the owner runs now; grants of a plugin that does not are shown but not changed here.</summary>
    public bool IsLoaded => OwnerId is not null;
}

/// <summary>One permission.</summary>
/// <param name="Name">The permission's name (and policy).</param>
/// <param name="Title">Its display name as declared (in English; translated through its owner's resources), or null when its plugin is not loaded.</param>
/// <param name="PluginName">For a permission of a plugin not loaded: the plugin's name when the host still finds it, else null.</param>
public sealed record PermissionEntry(string Name, string? Title, string? PluginName = null);
