using System.Security.Claims;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// The signed-in user of the current HTTP request or interactive circuit; anonymous in jobs.
/// </summary>
internal sealed class CurrentUser(
    IHttpContextAccessor http,
    IServiceProvider services,
    IAuthorizationService authorization) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => Principal.FindFirstValue("display_name") ?? Principal.Identity?.Name;

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public async Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        IsAuthenticated && (await authorization.AuthorizeAsync(Principal, permission)).Succeeded;

    private ClaimsPrincipal Principal => _principal ??= Resolve();

    private ClaimsPrincipal Resolve()
    {
        if (http.HttpContext?.User is { Identity.IsAuthenticated: true } user)
        {
            return user;
        }

        // In an interactive circuit there is no HttpContext; the circuit's authentication state is
        // already resolved, so this completes synchronously.
        if (services.GetService<AuthenticationStateProvider>() is { } provider)
        {
            try
            {
                var state = provider.GetAuthenticationStateAsync();
                if (state.IsCompletedSuccessfully)
                {
                    return state.Result.User;
                }
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit (a job, a minimal API call) the provider has no state.
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity());
    }
}
