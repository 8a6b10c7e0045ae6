using CrmBlazor.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrmBlazor.Testing.Hosting;

/// <summary>
/// How a test host is started, apart from its database: the plugins folder, settings, the environment
/// and test services. A <see cref="HostFixture"/> starts its shared host so; a test that needs a host of
/// its own on another database (a restart, a second instance) starts one the same way with <see cref="StartOn"/>.
/// </summary>
/// <param name="PluginsPath">The plugins folder, relative to the test assembly's folder (where the build copies them) or absolute.</param>
public sealed record HostSetup(string PluginsPath)
{
    /// <summary>Configuration besides the database's (<c>Plugins:&lt;id&gt;:...</c>, <c>HTTPS_PORT</c>...); none by default.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>The host's environment: <c>Development</c> unless set (<c>Production</c> for what only happens there).</summary>
    public string EnvironmentName { get; init; } = Environments.Development;

    /// <summary>
    /// Changes to the host's services after the host and its plugins registered theirs (see
    /// <see cref="CrmHostFactory(TestDatabase, string, IReadOnlyDictionary{string, string?}?, Action{IServiceCollection}?)"/>), or null.
    /// </summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>The same setup with more settings, which override those of the same name.</summary>
    /// <param name="settings">The settings to add.</param>
    public HostSetup WithSettings(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var merged = new Dictionary<string, string?>(Settings);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        return this with { Settings = merged };
    }

    /// <summary>Starts a host so on a database and returns it; the caller disposes it (before the database).</summary>
    /// <param name="database">The database.</param>
    public CrmHostFactory StartOn(TestDatabase database) =>
        new CrmHostFactory(database, PluginsPath, Settings, TestServices) { EnvironmentName = EnvironmentName }.Start();
}
