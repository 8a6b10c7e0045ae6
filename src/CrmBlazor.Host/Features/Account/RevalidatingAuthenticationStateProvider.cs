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
/// administrator's lock, a deletion or a role change (security stamp). When the check fails the circuit
/// becomes anonymous and its page sends the browser to the sign-in page. (Failed sign-ins by someone
/// guessing lock the address for new sign-ins only, see <see cref="PasswordSignIn"/>.)
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

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillSignedInAsync(authenticationState.User, cancellationToken);

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
        return principalStamp == await users.GetSecurityStampAsync(account);
    }
}
