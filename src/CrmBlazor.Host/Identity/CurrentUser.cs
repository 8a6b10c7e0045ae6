using System.Security.Claims;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Authorization;

namespace CrmBlazor.Host.Identity;

/// <summary>
/// The signed-in user of the current HTTP request or circuit event (see <see cref="CrmActor"/>);
/// anonymous in jobs.
/// </summary>
internal sealed class CurrentUser(IHttpContextAccessor http, IAuthorizationService authorization) : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? UserName => Principal.Identity?.Name;

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public async Task<bool> HasPermissionAsync(string permission, CancellationToken cancellationToken = default) =>
        IsAuthenticated && (await authorization.AuthorizeAsync(Principal, permission)).Succeeded;

    private ClaimsPrincipal Principal => CrmActor.Current?.User ?? http.HttpContext?.User ?? Anonymous;
}
