using System.Security.Claims;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// The signed-in user of the current HTTP request or circuit event (see <see cref="CrmActor"/>);
/// anonymous in jobs.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http, IAuthorizationService authorization) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    /// <summary>The user's principal (anonymous when nobody is signed in).</summary>
    public ClaimsPrincipal Principal => CrmActor.Current?.User ?? http.HttpContext?.User ?? Anonymous;

    /// <inheritdoc />
    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    /// <inheritdoc />
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <inheritdoc />
    public string? UserName => Principal.Identity?.Name;

    /// <inheritdoc />
    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <inheritdoc />
    public async Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        IsAuthenticated && (await authorization.AuthorizeAsync(Principal, permission)).Succeeded;
}
