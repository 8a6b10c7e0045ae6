namespace CrmBlazor.Sdk.Plugins;

/// <summary>
/// Work a plugin does once per start, after its database migrations were applied and before the
/// host serves requests: seeding reference data, upgrading stored settings.
/// </summary>
/// <remarks>
/// Resolved from a dependency-injection scope, so it can take the plugin's DbContext. It must be
/// idempotent: it runs at every start, and on every host instance. If it throws, the plugin is
/// reported as failed and its pages, menu entries and jobs are withdrawn.
/// </remarks>
public interface IPluginInitializer
{
    /// <summary>Runs the initialisation.</summary>
    /// <param name="cancellationToken">Signalled when the host shuts down.</param>
    Task InitializeAsync(CancellationToken cancellationToken);
}
