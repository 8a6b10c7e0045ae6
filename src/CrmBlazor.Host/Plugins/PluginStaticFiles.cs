using Microsoft.Extensions.FileProviders;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// Serves each loaded plugin's <c>wwwroot</c> folder at <c>/_content/&lt;assembly name&gt;/</c>, the
/// path a Razor class library's static files and scoped CSS bundle have (docs/plugins.md, trap 4).
/// </summary>
internal static class PluginStaticFiles
{
    public static IApplicationBuilder UsePluginStaticFiles(this IApplicationBuilder app, PluginCatalog catalog)
    {
        foreach (var plugin in catalog.Loaded)
        {
            var webRoot = Path.Combine(plugin.Directory, "wwwroot");
            if (Directory.Exists(webRoot))
            {
                app.UseStaticFiles(new StaticFileOptions
                {
                    FileProvider = new PhysicalFileProvider(webRoot),
                    RequestPath = "/_content/" + plugin.Assembly!.GetName().Name,
                    // The files are not fingerprinted: the browser keeps them and asks whether they changed.
                    OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache",
                });
            }
        }

        return app;
    }

    /// <summary>The URLs of the scoped-CSS bundles of the loaded plugins, for the page head.</summary>
    public static IReadOnlyList<string> StyleSheets(PluginCatalog catalog) =>
    [
        .. catalog.Loaded
            .Select(p => (Name: p.Assembly!.GetName().Name!, p.Directory))
            .Where(p => File.Exists(Path.Combine(p.Directory, "wwwroot", p.Name + ".bundle.scp.css")))
            .Select(p => $"/_content/{p.Name}/{p.Name}.bundle.scp.css"),
    ];
}
