using CrmBlazor.Sdk.Authorization;
using Hangfire;
using Hangfire.Dashboard;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>
/// <c>/jobs</c>: Hangfire's dashboard of background and recurring jobs, for administrators only (the
/// <see cref="CorePermissions.Administration"/> policy, and the <see cref="CrmRoles.Admin"/> role checked
/// again by Hangfire's own filter).
/// </summary>
internal static class JobsDashboard
{
    public static IEndpointConventionBuilder MapJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard("/jobs", new DashboardOptions
        {
            Authorization = [new AdministratorsOnly()],
            DashboardTitle = "CrmBlazor jobs",
            AppPath = "/",
        }).RequireAuthorization(CorePermissions.Administration);

    private sealed class AdministratorsOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(CrmRoles.Admin);
    }
}
