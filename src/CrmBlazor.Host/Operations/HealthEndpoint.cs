using CrmBlazor.Host.Data;
using CrmBlazor.Host.Plugins;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Operations;

/// <summary>
/// <c>GET /healthz</c>: 200 with the database status and every plugin's id, version, state and error,
/// for load balancers and operators; 503 when the database cannot be reached.
/// </summary>
internal static class HealthEndpoint
{
    public static IEndpointConventionBuilder MapHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (PluginCatalog catalog, IDbContextFactory<CrmDbContext> contexts, CancellationToken cancellationToken) =>
        {
            bool databaseUp;
            try
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken);
                databaseUp = await db.Database.CanConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
            {
                databaseUp = false;
            }

            var plugins = catalog.Plugins.Select(p => new PluginHealth(p.Id, p.Version, PluginStateNames.Of(p.State), p.Error)).ToList();
            var status = !databaseUp ? "unhealthy" : plugins.Any(p => p.State is not ("loaded" or "disabled")) ? "degraded" : "healthy";
            return Results.Json(new HealthReport(status, databaseUp ? "up" : "down", plugins), statusCode: databaseUp ? 200 : 503);
        })
        .AllowAnonymous()
        .WithName("Health");

    private sealed record HealthReport(string Status, string Database, IReadOnlyList<PluginHealth> Plugins);

    private sealed record PluginHealth(string Id, string Version, string State, string? Error);
}
