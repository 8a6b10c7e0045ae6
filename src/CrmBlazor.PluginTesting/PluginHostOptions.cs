namespace CrmBlazor.PluginTesting;

/// <summary>How <see cref="PluginHost.StartAsync"/> starts the host.</summary>
public sealed class PluginHostOptions
{
    /// <summary>
    /// Plugin folders to install, each as a plugin folder under the host's <c>plugins/</c> holds it: the
    /// plugin project's build output (<c>bin/Debug/net10.0/</c>), or an unpacked plugin archive. They are
    /// copied, so the build output is not locked.
    /// </summary>
    public IList<string> PluginDirectories { get; } = [];

    /// <summary>
    /// Configuration of the host, e.g. <c>["Plugins:acme-tickets:ReminderSchedule"] = "0 6 * * *"</c>,
    /// passed as environment variables over the defaults (SQLite in a new temporary folder).
    /// </summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>
    /// The folder of the published host to run; null for the one the CrmBlazor.Testing package carries
    /// (or the environment variable <c>CRM_TESTING_HOST</c> when it is set).
    /// </summary>
    public string? HostDirectory { get; set; }
}
