using Microsoft.AspNetCore.Identity;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// Identity's "may this account sign in" check (<see cref="SignInOptions.RequireConfirmedAccount"/>):
/// only an account in use may, not one an administrator deactivated and not one that was invited and
/// has no password yet. <see cref="SignInManager{TUser}"/> refuses the others before it checks a
/// password; the sign-in page answers them as it answers a wrong password.
/// </summary>
internal sealed class AccountInUse : IUserConfirmation<CrmUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<CrmUser> manager, CrmUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(user.DeactivatedAt is null && user.PasswordHash is not null);
    }
}
