using System.Security.Claims;
using CrmBlazor.Host.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Features.Account;

/// <summary>
/// Re-checks the user of an open circuit every minute: a circuit has no cookie to present, so without
/// this it would outlive a sign-out on another tab, an ended session (<see cref="UserSessions"/>), an
/// administrator's lock or deactivation, a deletion, a new security stamp or a role that now requires
/// two-factor sign-in the user has not set up; when the check fails the circuit
/// becomes anonymous and its page sends the browser to the sign-in page. (Failed sign-ins by someone
/// guessing lock the address for new sign-ins only, see <see cref="PasswordSignIn"/>.) When an
/// administrator changed the user's roles, the circuit gets a principal with the new ones.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How long a circuit may run on after its session ended: at most this, plus one check.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (!await IsStillSignedInAsync(authenticationState.User, cancellationToken))
        {
            return false;
        }

        // Roles changed by an administrator reach the open page (its menu, its checks) without a new
        // sign-in. The new state restarts the checks for the new principal.
        if (await RefreshedPrincipalAsync(authenticationState.User, cancellationToken) is { } refreshed)
        {
            SetAuthenticationState(Task.FromResult(new AuthenticationState(refreshed)));
        }

        return true;
    }

    /// <summary>Whether the circuit's user is still signed in: session alive, user present, not locked out, same security stamp.</summary>
    /// <param name="user">The circuit's principal.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    internal async Task<bool> IsStillSignedInAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<UserSessions>().IsActiveAsync(user, cancellationToken))
        {
            return false;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        var account = await users.GetUserAsync(user);
        if (account is null || await users.IsLockedOutAsync(account))
        {
            return false;
        }

        var principalStamp = user.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return account.DeactivatedAt is null && principalStamp == await users.GetSecurityStampAsync(account)
            // A role that now requires two-factor sign-in: the next page load goes to the enrolment.
            && !await scope.ServiceProvider.GetRequiredService<RequiredTwoFactor>().IsPendingAsync(user, cancellationToken);
    }

    /// <summary>The circuit's principal made again from the account when its roles changed, or null when they did not.</summary>
    /// <param name="user">The circuit's principal.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    internal async Task<ClaimsPrincipal?> RefreshedPrincipalAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CrmUser>>();
        if (await users.GetUserAsync(user) is not { } account)
        {
            return null;
        }

        var roles = (await users.GetRolesAsync(account)).ToHashSet(StringComparer.Ordinal);
        var held = user.FindAll(options.Value.ClaimsIdentity.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        if (roles.SetEquals(held))
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var fresh = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<CrmUser>>().CreateAsync(account);
        return RefreshedPrincipal.KeepingSessionClaims(user, fresh);
    }
}
