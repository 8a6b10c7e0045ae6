using CrmBlazor.Host.Features.Api;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CrmBlazor.Host.Identity;

/// <summary>Requires that the user holds a permission.</summary>
/// <param name="permission">The permission name.</param>
internal sealed class PermissionRequirement(string permission) : IAuthorizationRequirement
{
    public string Permission { get; } = permission;
}

/// <summary>
/// Turns every declared permission into a policy of the same name, so that pages and plugins write
/// <c>[Authorize(Policy = "projects.view")]</c> and the check happens on the server.
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options, PluginCatalog catalog)
    : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var policy = await base.GetPolicyAsync(policyName);
        if (policy is not null)
        {
            return policy;
        }

        // Any dotted name is a permission, including those of plugins not loaded now, so that an
        // unknown name is refused rather than throwing; the roles holding it keep their grants for
        // when the plugin returns.
        var known = catalog.Permissions.Any(p => p.Name == policyName) || policyName.Contains('.', StringComparison.Ordinal);
        return known
            ? new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(policyName)).Build()
            : null;
    }
}

/// <summary>
/// Grants a <see cref="PermissionRequirement"/> to administrators and to roles holding the permission; for a
/// request made with an API token, only within the token's scopes.
/// </summary>
internal sealed class PermissionHandler(PermissionGrants grants) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return;
        }

        // A request made with an API token may use a permission only when the token has it as a scope and
        // the user still holds it: the intersection, so that a role taken away is gone from the API at once.
        if (ApiClaims.IsToken(context.User) && !ApiClaims.HasScope(context.User, requirement.Permission))
        {
            return;
        }

        if (context.User.IsInRole(CrmRoles.Admin))
        {
            context.Succeed(requirement);
            return;
        }

        var granted = await grants.GetAsync(CancellationToken.None);
        if (CrmRoles.All.Any(role => context.User.IsInRole(role) && granted.Contains((role, requirement.Permission))))
        {
            context.Succeed(requirement);
        }
    }
}
