namespace CrmBlazor.Host.Plugins;

/// <summary>Maps the HTTP endpoints plugins registered with <c>IPluginBuilder.MapEndpoints</c>, each plugin in its own route group.</summary>
internal static class PluginEndpoints
{
    /// <summary>
    /// Maps every loaded plugin's endpoints at <c>/&lt;plugin id&gt;</c>, for signed-in users only. A
    /// plugin that fails after the pipeline was built (its initializer) answers 404 from then on.
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="catalog">The plugins.</param>
    public static IEndpointRouteBuilder MapPluginEndpoints(this IEndpointRouteBuilder endpoints, PluginCatalog catalog)
    {
        foreach (var plugin in catalog.Loaded.Where(p => p.Contributions.Endpoints.Count > 0))
        {
            var id = plugin.Id;
            var group = endpoints.MapGroup("/" + id)
                .RequireAuthorization()
                .AddEndpointFilter(async (context, next) =>
                    catalog.IsActive(id) ? await next(context) : Results.NotFound());
            foreach (var map in plugin.Contributions.Endpoints)
            {
                map(group);
            }
        }

        return endpoints;
    }
}
