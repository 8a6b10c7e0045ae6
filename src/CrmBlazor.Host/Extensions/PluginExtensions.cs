using CrmBlazor.Data;
using CrmBlazor.Host.Features;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk;
using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Host.Extensions;

internal static class PluginExtensions
{
    /// <summary>Registers the core's contributions, then loads the plugins from the plugins folder.</summary>
    public static PluginCatalog AddCrmPlugins(this IHostApplicationBuilder builder, string pluginsPath, IReadOnlySet<string> disabledIds, ILogger logger)
    {
        var core = new PluginBuilder(
            new PluginInfo(CrmDbContextOptions.CoreOwnerId, "CrmBlazor", CrmSdk.Version, AppContext.BaseDirectory),
            builder.Services,
            builder.Configuration.GetSection("Crm"));
        CoreModule.Configure(core);

        var plugins = PluginDiscovery.Load(pluginsPath, disabledIds, builder.Services, builder.Configuration, logger);
        var catalog = new PluginCatalog(core.Contributions, plugins);
        builder.Services.AddSingleton(catalog);
        return catalog;
    }
}
