using CrmBlazor.Host.Features;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Sdk.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NuGet.Versioning;

namespace CrmBlazor.Host.Tests.Builders;

/// <summary>
/// Builds a <see cref="PluginCatalog"/> as start-up would leave it: the core's contributions and
/// plugins whose contributions are registered through the real <see cref="PluginBuilder"/>.
/// </summary>
internal sealed class CatalogBuilder
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    private readonly List<PluginEntry> _plugins = [];
    private PluginContributions _core = new();

    /// <summary>The core's real contributions (menu, permissions, timeline tab, outbox sweep job).</summary>
    public CatalogBuilder WithCoreModule()
    {
        var core = NewBuilder("crm");
        CoreModule.Configure(core);
        _core = core.Contributions;
        return this;
    }

    /// <summary>A loaded plugin.</summary>
    public CatalogBuilder WithPlugin(string id, Action<IPluginBuilder>? contribute = null, params string[] dependsOn) =>
        Add(id, contribute, dependsOn, refusedAs: null);

    /// <summary>A plugin found but not loaded, whose registrations must never be seen.</summary>
    public CatalogBuilder WithRefusedPlugin(string id, PluginState state, Action<IPluginBuilder>? contribute = null) =>
        Add(id, contribute, [], state);

    public PluginCatalog Build() => new(_core, _plugins);

    private CatalogBuilder Add(string id, Action<IPluginBuilder>? contribute, string[] dependsOn, PluginState? refusedAs)
    {
        var manifest = new PluginManifest(
            id,
            id,
            NuGetVersion.Parse("1.0.0"),
            VersionRange.Parse("[1.0,2.0)"),
            id + ".dll",
            dependsOn.ToDictionary(d => d, _ => VersionRange.Parse("[1.0,)")));
        var entry = new PluginEntry(Path.Combine(Path.GetTempPath(), id), manifest);
        var builder = NewBuilder(id);
        contribute?.Invoke(builder);
        entry.Contributions = builder.Contributions;
        if (refusedAs is { } state)
        {
            entry.Refuse(state, "Refused by the test.");
        }

        _plugins.Add(entry);
        return this;
    }

    private static PluginBuilder NewBuilder(string id) =>
        new(new PluginInfo(id, id, new Version(1, 0, 0), Path.GetTempPath()), new ServiceCollection(), NoConfiguration);
}
