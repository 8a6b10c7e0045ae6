using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Plugins.Projects.Features.Shared;

/// <summary>What the current user may do with projects and time, asked on the server before every read and change.</summary>
public sealed class ProjectAccess(ICurrentUser user)
{
    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => user.UserId;

    /// <summary>Whether the user may see projects.</summary>
    public Task<bool> CanViewAsync(CancellationToken cancellationToken = default) => user.HasPermissionAsync(ProjectsPermissions.View, cancellationToken);

    /// <summary>Whether the user may create and change projects.</summary>
    public Task<bool> CanManageAsync(CancellationToken cancellationToken = default) => user.HasPermissionAsync(ProjectsPermissions.Manage, cancellationToken);

    /// <summary>Whether the user may see and change everyone's time.</summary>
    public Task<bool> CanManageAllTimeAsync(CancellationToken cancellationToken = default) => user.HasPermissionAsync(ProjectsPermissions.ManageAllTime, cancellationToken);

    /// <summary>Whether the user may see and change the time of a person: their own with the log-own-time permission, anyone's with manage-all-time.</summary>
    /// <param name="userId">The person whose time it is.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanWorkWithTimeOfAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated)
        {
            return false;
        }

        if (await CanManageAllTimeAsync(cancellationToken))
        {
            return true;
        }

        return string.Equals(userId, user.UserId, StringComparison.Ordinal)
            && await user.HasPermissionAsync(ProjectsPermissions.LogOwnTime, cancellationToken);
    }
}
