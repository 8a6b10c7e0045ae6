namespace CrmBlazor.Sdk.Plugins;

/// <summary>
/// The entry point of a plugin. Each plugin assembly contains exactly one public, non-abstract class
/// that implements this interface and has a public parameterless constructor.
/// </summary>
/// <remarks>
/// The host calls <see cref="Configure"/> once at start-up, before the application is built. If it
/// throws, nothing the plugin registered is kept: the plugin is reported as failed and the host goes
/// on with the others. Plugins are never loaded or unloaded while the host runs; installing,
/// updating, enabling or disabling one takes effect at the next start.
/// </remarks>
public interface ICrmPlugin
{
    /// <summary>Registers the plugin's services and everything it contributes to the host.</summary>
    /// <param name="plugin">The registration surface for this plugin.</param>
    void Configure(IPluginBuilder plugin);
}
