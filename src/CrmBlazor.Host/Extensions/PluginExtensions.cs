using CrmBlazor.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk;
using CrmBlazor.Sdk.Navigation;
using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Host.Extensions;

internal static class PluginExtensions
{
    /// <summary>Registers the core's contributions, then loads the plugins from the plugins folder and the uploaded ones.</summary>
    public static PluginCatalog AddCrmPlugins(this IHostApplicationBuilder builder, string pluginsPath, string installedPluginsPath, IReadOnlySet<string> disabledIds, ILogger logger)
    {
        var core = new PluginBuilder(
            new PluginInfo(CrmDbContextOptions.CoreOwnerId, "CrmBlazor", CrmSdk.Version, AppContext.BaseDirectory),
            builder.Services,
            builder.Configuration.GetSection("Crm"));
        CoreModule.Configure(core);

        var plugins = PluginDiscovery.Load(pluginsPath, disabledIds, builder.Services, builder.Configuration, logger, installedPluginsPath);
        var catalog = new PluginCatalog(core.Contributions, plugins);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddScoped<IProjectTabs, ProjectTabs>();
        return catalog;
    }
}
