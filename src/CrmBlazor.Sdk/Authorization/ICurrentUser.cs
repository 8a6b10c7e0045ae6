namespace CrmBlazor.Sdk.Authorization;

/// <summary>The user on whose behalf the current request, circuit or job runs.</summary>
/// <remarks>
/// In a background job there is no signed-in user: <see cref="IsAuthenticated"/> is false and
/// permission checks fail, so jobs must not rely on it for access decisions they were queued for.
/// </remarks>
public interface ICurrentUser
{
    /// <summary>Whether a user is signed in.</summary>
    bool IsAuthenticated { get; }

    /// <summary>The user id, or null when nobody is signed in.</summary>
    string? UserId { get; }

    /// <summary>The display name (or e-mail address), or null when nobody is signed in.</summary>
    string? UserName { get; }

    /// <summary>Whether the user is in the given role (see <see cref="CrmRoles"/>).</summary>
    /// <param name="role">The role name.</param>
    bool IsInRole(string role);

    /// <summary>Whether the user holds the permission, through any of their roles.</summary>
    /// <param name="permission">The permission name.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default);
}
