using CrmBlazor.Data;
using CrmBlazor.Host.Plugins;

namespace CrmBlazor.Host.Extensions;

/// <summary>What start-up decided before the application was built, kept for the steps after it.</summary>
/// <param name="Database">The database in use.</param>
/// <param name="DataDirectory">The folder for the embedded database and other local files.</param>
/// <param name="PluginsPath">The plugins folder.</param>
/// <param name="InstalledPluginsPath">The folder uploaded plugins are unpacked into.</param>
/// <param name="Catalog">The plugins found and the core's contributions.</param>
public sealed record CrmStartup(DatabaseSettings Database, string DataDirectory, string PluginsPath, string InstalledPluginsPath, PluginCatalog Catalog);
