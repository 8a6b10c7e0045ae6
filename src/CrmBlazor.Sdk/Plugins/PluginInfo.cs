namespace CrmBlazor.Sdk.Plugins;

/// <summary>Identity of a loaded plugin, as read from its <c>plugin.json</c> manifest.</summary>
/// <param name="Id">
/// The plugin id: 2 to 40 lower-case letters, digits and hyphens, starting with a letter
/// (<c>projects</c>, <c>acme-reports</c>); <c>crm</c>, <c>core</c> and <c>host</c> are reserved.
/// Everything a plugin owns is prefixed with it: routes, tables, permissions, job ids, settings.
/// </param>
/// <param name="Name">The display name.</param>
/// <param name="Version">The plugin's own version.</param>
/// <param name="Directory">The folder the plugin was loaded from (use it instead of <c>Assembly.Location</c>).</param>
public sealed record PluginInfo(string Id, string Name, Version Version, string Directory);
