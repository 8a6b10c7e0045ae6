using System.Text.Json;

namespace CrmBlazor.Host.Features.Privacy;

/// <summary>
/// <c>GET /customers/{id}/personal-data</c>: everything the CRM and its plugins hold about a customer, as
/// JSON (<see cref="PersonalDataService.ExportAsync"/>), for users holding <see cref="CorePermissions.Privacy"/>.
/// </summary>
internal static class PersonalDataEndpoints
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEndpointConventionBuilder MapPersonalDataEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/customers/{id:long}/personal-data", async (long id, PersonalDataService privacy, CancellationToken cancellationToken) =>
        {
            var export = await privacy.ExportAsync(id, cancellationToken);
            return export is null
                ? Results.NotFound()
                : Results.Text(export.ToJsonString(Indented), "application/json; charset=utf-8");
        })
        .RequireAuthorization(CorePermissions.Privacy)
        // A JSON download, not a page: refused with 401/403 rather than a redirect to an HTML page.
        .DisableCookieRedirect();
}
