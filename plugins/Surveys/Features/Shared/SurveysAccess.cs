using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Plugins.Surveys.Features.Shared;

/// <summary>Who may see and build surveys, asked on the server before every read and change.</summary>
public sealed class SurveysAccess(ICurrentUser user)
{
    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => user.UserId;

    /// <summary>Whether the user sees surveys (<see cref="SurveysPermissions.View"/>, or builds them).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanViewAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated && (await user.HasPermissionAsync(SurveysPermissions.View, cancellationToken) || await CanManageAsync(cancellationToken));

    /// <summary>Whether the user creates and builds surveys (<see cref="SurveysPermissions.Manage"/>).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<bool> CanManageAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated ? user.HasPermissionAsync(SurveysPermissions.Manage, cancellationToken) : Task.FromResult(false);
}
