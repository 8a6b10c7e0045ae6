using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace CrmBlazor.Host.Features.Customers;

/// <summary>
/// The per-record rules for customers: who may see one, who may change it. Checked by the services
/// on the server for every action, whatever the UI shows.
/// </summary>
/// <remarks>
/// Seeing customers needs <see cref="CorePermissions.ViewCustomers"/>. Changing one needs
/// <see cref="CorePermissions.EditCustomers"/> and, unless the user also holds
/// <see cref="CorePermissions.EditAllCustomers"/>, that the user is its account manager or that it has none.
/// </remarks>
public sealed class CustomerAccess(IAuthorizationService authorization)
{
    /// <summary>Whether the user may see customers.</summary>
    /// <param name="user">The user.</param>
    public async Task<bool> CanViewAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, CorePermissions.ViewCustomers)).Succeeded;

    /// <summary>Whether the user may create customers.</summary>
    /// <param name="user">The user.</param>
    public async Task<bool> CanCreateAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, CorePermissions.EditCustomers)).Succeeded;

    /// <summary>Whether the user may change a customer owned by <paramref name="ownerUserId"/>.</summary>
    /// <param name="user">The user.</param>
    /// <param name="ownerUserId">The customer's account manager, or null.</param>
    public async Task<bool> CanEditAsync(ClaimsPrincipal user, string? ownerUserId)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!(await authorization.AuthorizeAsync(user, CorePermissions.EditCustomers)).Succeeded)
        {
            return false;
        }

        return ownerUserId is null
            || ownerUserId == user.FindFirstValue(ClaimTypes.NameIdentifier)
            || (await authorization.AuthorizeAsync(user, CorePermissions.EditAllCustomers)).Succeeded;
    }

    /// <summary>Whether the user may export or erase personal data.</summary>
    /// <param name="user">The user.</param>
    public async Task<bool> CanUsePrivacyAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, CorePermissions.Privacy)).Succeeded;
}
