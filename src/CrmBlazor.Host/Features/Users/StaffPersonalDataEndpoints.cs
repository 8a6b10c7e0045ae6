using System.Text.Json;
using CrmBlazor.Host.Identity;
using CrmBlazor.Sdk.Authorization;

namespace CrmBlazor.Host.Features.Users;

/// <summary>
/// <c>GET /admin/users/{id}/personal-data</c>: what the CRM and its plugins hold about a user, as a JSON
/// download (<see cref="StaffPersonalData.ExportAsync"/>). Administrators only; an unknown user is 404.
/// </summary>
internal static class StaffPersonalDataEndpoints
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The download's address.</summary>
    /// <param name="userId">The user.</param>
    public static string Address(string userId) => $"/admin/users/{Uri.EscapeDataString(userId)}/personal-data";

    public static IEndpointConventionBuilder MapStaffPersonalData(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/admin/users/{userId}/personal-data", async (string userId, StaffPersonalData data, CancellationToken cancellationToken) =>
        {
            var export = await data.ExportAsync(userId, cancellationToken);
            return export is null
                ? Results.NotFound()
                : Results.File(System.Text.Encoding.UTF8.GetBytes(export.ToJsonString(Indented)), "application/json; charset=utf-8", $"personal-data-{userId}.json");
        })
        .RequireAuthorization(CrmRoles.Admin)
        .WithMetadata(new RefusedWithStatusCode("Only administrators can manage users."))
        // A download, not a page: refused with 401/403 rather than a redirect to the sign-in page.
        .DisableCookieRedirect();
}
