using CrmBlazor.Plugins.Upsell.Data;
using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Plugins.Upsell.Features.Shared;

/// <summary>
/// Who may see and work which opportunities, asked on the server before every read and change: managers
/// (<see cref="UpsellPermissions.Manage"/>) all of them; account managers (<see cref="UpsellPermissions.View"/>)
/// those of their own customers and those they own.
/// </summary>
public sealed class UpsellAccess(ICurrentUser user)
{
    /// <summary>The signed-in user's id, or null.</summary>
    public string? UserId => user.UserId;

    /// <summary>Whether the user sees any opportunities (<see cref="UpsellPermissions.View"/>, or manages them).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanViewAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated && (await user.HasPermissionAsync(UpsellPermissions.View, cancellationToken) || await CanManageAsync(cancellationToken));

    /// <summary>Whether the user sees and works every opportunity and changes the rules (<see cref="UpsellPermissions.Manage"/>).</summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    public Task<bool> CanManageAsync(CancellationToken cancellationToken = default) =>
        user.IsAuthenticated ? user.HasPermissionAsync(UpsellPermissions.Manage, cancellationToken) : Task.FromResult(false);

    /// <summary>The opportunities the user may see: all for a manager, else their customers' and their own; none without the permission.</summary>
    /// <param name="opportunities">The opportunities to narrow.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<IQueryable<Opportunity>> VisibleAsync(IQueryable<Opportunity> opportunities, CancellationToken cancellationToken = default)
    {
        if (await CanManageAsync(cancellationToken))
        {
            return opportunities;
        }

        if (!await CanViewAsync(cancellationToken) || user.UserId is not { } me)
        {
            return opportunities.Where(o => false);
        }

        return opportunities.Where(o => o.AccountManagerUserId == me || o.OwnerUserId == me);
    }

    /// <summary>Whether the user may see and work this opportunity.</summary>
    /// <param name="opportunity">The opportunity.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public async Task<bool> CanWorkAsync(Opportunity opportunity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        if (await CanManageAsync(cancellationToken))
        {
            return true;
        }

        return await CanViewAsync(cancellationToken) && user.UserId is { } me
            && (opportunity.AccountManagerUserId == me || opportunity.OwnerUserId == me);
    }
}
