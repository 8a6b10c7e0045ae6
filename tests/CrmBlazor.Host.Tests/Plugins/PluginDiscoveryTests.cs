using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Sdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Host.Tests.Plugins;

public sealed class PluginDiscoveryTests : IDisposable
{
    private readonly PluginsFolder _plugins = new();
    private readonly RecordingLogger _logger = new();
    private readonly HashSet<string> _disabled = new(StringComparer.Ordinal);

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Load_NoPluginsFolder_FindsNothing()
    {
        var plugins = PluginDiscovery.Load(Path.Combine(_plugins.Path, "absent"), _disabled, new ServiceCollection(), NoConfiguration(), _logger);

        Assert.Empty(plugins);
    }

    [Fact]
    public void Load_FolderWithInvalidManifest_RefusesItUnderTheFolderName()
    {
        _plugins.AddManifestText("broken-plugin", """{ "id": "Broken" }""");

        var plugin = Assert.Single(Load());

        Assert.Equal("broken-plugin", plugin.Id);
        AssertRefused(plugin, PluginState.Invalid,
            "The id 'Broken' is invalid: use 2 to 40 lower-case letters, digits and hyphens, starting with a letter.");
    }

    [Fact]
    public void Load_APluginInTheFolderOfUploadedPlugins_IsLoadedAndMarkedUploaded()
    {
        using var uploaded = new PluginsFolder();
        uploaded.AddLoadable(new PluginSpec("acme-uploaded"));
        _plugins.AddLoadable(new PluginSpec("acme-shipped"));

        var plugins = PluginDiscovery.Load(_plugins.Path, _disabled, new ServiceCollection(), NoConfiguration(), _logger, uploaded.Path);

        Assert.Equal([("acme-shipped", PluginState.Loaded, false), ("acme-uploaded", PluginState.Loaded, true)],
            plugins.Select(p => (p.Id, p.State, p.IsUploaded)).OrderBy(p => p.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void Load_AnUploadedPluginWithTheIdOfOneInThePluginsFolder_IsRefusedAndThePluginsFolderWins()
    {
        using var uploaded = new PluginsFolder();
        uploaded.AddLoadable(new PluginSpec("acme-tickets"));
        _plugins.AddLoadable(new PluginSpec("acme-tickets"));

        var plugins = PluginDiscovery.Load(_plugins.Path, _disabled, new ServiceCollection(), NoConfiguration(), _logger, uploaded.Path);

        Assert.Equal(PluginState.Loaded, Assert.Single(plugins, p => !p.IsUploaded).State);
        AssertRefused(Assert.Single(plugins, p => p.IsUploaded), PluginState.Invalid, "Another folder already holds a plugin with the id 'acme-tickets'.");
    }

    [Fact]
    public void Load_TwoFoldersWithTheSameId_RefusesTheSecond()
    {
        _plugins.AddLoadable(new PluginSpec("projects") { Folder = "a-projects" });
        _plugins.Add(new PluginSpec("projects") { Folder = "b-projects-copy" });

        var plugins = Load();

        Assert.Equal(PluginState.Loaded, plugins.Single(p => p.Directory.EndsWith("a-projects", StringComparison.Ordinal)).State);
        AssertRefused(plugins.Single(p => p.Directory.EndsWith("b-projects-copy", StringComparison.Ordinal)),
            PluginState.Invalid, "Another folder already holds a plugin with the id 'projects'.");
    }

    [Fact]
    public void Load_DisabledId_RefusesItAsDisabled()
    {
        _plugins.Add(new PluginSpec("surveys"));
        _disabled.Add("surveys");

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Disabled, "Disabled by an administrator.");
    }

    [Fact]
    public void Load_SdkRangeExcludingThisHost_RefusesItAsIncompatible()
    {
        _plugins.Add(new PluginSpec("future") { Sdk = "[99.0,100.0)" });

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Incompatible, $"Requires SDK (>= 99.0.0 && < 100.0.0); this host provides SDK {HostSdk}.");
    }

    [Fact]
    public void Load_DependencyNotInstalled_RefusesItNamingTheDependency()
    {
        _plugins.Add(new PluginSpec("invoicing").DependingOn("projects", "[1.0,2.0)"));

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.MissingDependency, "Requires plugin 'projects' (>= 1.0.0 && < 2.0.0), which is not installed.");
    }

    [Fact]
    public void Load_DependencyRefused_RefusesTheDependentWithTheDependencysState()
    {
        _plugins.Add(new PluginSpec("projects"));
        _plugins.Add(new PluginSpec("invoicing").DependingOn("projects"));
        _disabled.Add("projects");

        var invoicing = Load().Single(p => p.Id == "invoicing");

        AssertRefused(invoicing, PluginState.MissingDependency, "Requires plugin 'projects', which is not loaded (disabled).");
    }

    [Fact]
    public void Load_DependencyVersionOutsideTheRange_RefusesTheDependentWithBothVersions()
    {
        _plugins.AddLoadable(new PluginSpec("projects") { Version = "1.4.0" });
        _plugins.Add(new PluginSpec("invoicing").DependingOn("projects", "[2.0,3.0)"));

        var plugins = Load();

        Assert.Equal(PluginState.Loaded, plugins.Single(p => p.Id == "projects").State);
        AssertRefused(plugins.Single(p => p.Id == "invoicing"),
            PluginState.MissingDependency, "Requires plugin 'projects' (>= 2.0.0 && < 3.0.0); version 1.4.0 is installed.");
    }

    [Fact]
    public void Load_DependencyCycle_RefusesEveryPluginInTheCycle()
    {
        _plugins.Add(new PluginSpec("chicken").DependingOn("egg"));
        _plugins.Add(new PluginSpec("egg").DependingOn("chicken"));

        var plugins = Load();

        AssertRefused(plugins.Single(p => p.Id == "chicken"), PluginState.Failed, "Its dependencies form a cycle: chicken → egg → chicken.");
        AssertRefused(plugins.Single(p => p.Id == "egg"), PluginState.Failed, "Its dependencies form a cycle: egg → chicken → egg.");
    }

    [Fact]
    public void Load_PluginDependingOnACycle_IsRefusedForTheMissingDependencyNotAsPartOfTheCycle()
    {
        _plugins.Add(new PluginSpec("chicken").DependingOn("egg"));
        _plugins.Add(new PluginSpec("egg").DependingOn("chicken"));
        _plugins.Add(new PluginSpec("omelette").DependingOn("egg"));
        _plugins.AddLoadable(new PluginSpec("toast"));

        var plugins = Load();

        AssertRefused(plugins.Single(p => p.Id == "omelette"), PluginState.MissingDependency, "Requires plugin 'egg', which is not loaded (failed).");
        Assert.Equal(PluginState.Loaded, plugins.Single(p => p.Id == "toast").State);
    }

    [Fact]
    public void Load_DisabledPluginInACycle_StaysDisabled()
    {
        _plugins.Add(new PluginSpec("chicken").DependingOn("egg"));
        _plugins.Add(new PluginSpec("egg").DependingOn("chicken"));
        _disabled.Add("chicken");

        var plugins = Load();

        AssertRefused(plugins.Single(p => p.Id == "chicken"), PluginState.Disabled, "Disabled by an administrator.");
        AssertRefused(plugins.Single(p => p.Id == "egg"), PluginState.Failed, "Its dependencies form a cycle: egg → chicken → egg.");
    }

    [Fact]
    public void Load_PluginDependingOnItself_IsRefusedAsACycle()
    {
        _plugins.Add(new PluginSpec("narcissus").DependingOn("narcissus"));

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Failed, "Its dependencies form a cycle: narcissus → narcissus.");
    }

    [Fact]
    public void Load_AssemblyFileMissing_RefusesItNamingTheFile()
    {
        _plugins.Add(new PluginSpec("projects") { Assembly = "Acme.Projects.dll" });

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Invalid, "The assembly 'Acme.Projects.dll' named in plugin.json is not in the folder.");
    }

    [Fact]
    public void Load_AssemblyBuiltAgainstNewerSharedAssemblies_RefusesItAsIncompatible()
    {
        var hostMudBlazor = typeof(MudBlazor.MudButton).Assembly.GetName().Version;
        _plugins.Add(new PluginSpec("projects"), AssemblyImages.Referencing("Acme.Plugin", ("MudBlazor", new Version(99, 0, 0, 0))));

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Incompatible,
            $"Built against newer shared assemblies than this host has: MudBlazor 99.0.0.0 (host has {hostMudBlazor}). Rebuild it against this host's SDK.");
    }

    [Fact]
    public void Load_AssemblyBuiltAgainstANewerSdk_RefusesItAsIncompatibleNamingBothVersions()
    {
        _plugins.Add(new PluginSpec("projects") { Sdk = "[1.0,100.0)" }, AssemblyImages.Referencing("Acme.Plugin", ("CrmBlazor.Sdk", new Version(99, 0, 0, 0))));

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Incompatible, $"Built against SDK 99.0.0; this host provides SDK {HostSdk}.");
    }

    [Fact]
    public void Load_SdkRangeStartingBelowTheSdkItIsBuiltAgainst_RefusesItAsInvalid()
    {
        var sdk = CrmSdk.Version;
        _plugins.Add(new PluginSpec("projects") { Sdk = $"(,{sdk.Major + 1}.0)" }, AssemblyImages.Referencing("Acme.Plugin", ("CrmBlazor.Sdk", sdk)));

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Invalid,
            $"plugin.json declares SDK (< {sdk.Major + 1}.0.0), but the plugin is built against SDK {HostSdk}: its range must start at {sdk.Major}.{sdk.Minor} or later.");
    }

    [Fact]
    public void Load_AssemblyNamedLikeAHostAssembly_RefusesItAsInvalid()
    {
        _plugins.Add(new PluginSpec("projects") { Assembly = "MudBlazor.dll" }, AssemblyImages.Referencing("MudBlazor"));

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Invalid, "The assembly name 'MudBlazor' is already in use; every plugin assembly needs a unique name.");
    }

    [Fact]
    public void Load_TwoPluginsWithTheSameAssemblyName_RefusesTheSecond()
    {
        var projects = _plugins.AddLoadable(new PluginSpec("projects"));
        _plugins.Add(new PluginSpec("projects-copy") { Assembly = projects.Assembly }, AssemblyImages.Referencing("Acme.Copy"));

        var plugins = Load();

        Assert.Equal(PluginState.Loaded, plugins.Single(p => p.Id == "projects").State);
        AssertRefused(plugins.Single(p => p.Id == "projects-copy"), PluginState.Invalid,
            $"The assembly name '{Path.GetFileNameWithoutExtension(projects.Assembly)}' is already in use; every plugin assembly needs a unique name.");
    }

    [Fact]
    public void Load_PluginThrowingInConfigure_RefusesItAsFailedWithTheReason()
    {
        _plugins.AddLoadable(new PluginSpec("projects"), configureThrows: "Settings are missing.");

        var plugin = Assert.Single(Load());

        AssertRefused(plugin, PluginState.Failed, "Failed while starting: Settings are missing.");
    }

    [Fact]
    public void Load_PluginThrowingInConfigure_LogsTheExceptionWithItsTypeAndStackTrace()
    {
        _plugins.AddLoadable(new PluginSpec("projects"), configureThrows: "Settings are missing.");

        Load();

        var warning = Assert.Single(_logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Plugin projects 1.0.0 not loaded (failed): Failed while starting: Settings are missing.", warning.Message);
        var exception = Assert.IsType<InvalidOperationException>(warning.Exception);
        Assert.Contains(".Plugin.Configure(", exception.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidPluginAssembly_LoadsIt()
    {
        _plugins.AddLoadable(new PluginSpec("projects"));

        var plugin = Assert.Single(Load());

        Assert.Equal(PluginState.Loaded, plugin.State);
        Assert.Null(plugin.Error);
        Assert.Equal(Path.GetFileNameWithoutExtension(plugin.Manifest!.Assembly), plugin.Assembly?.GetName().Name);
    }

    [Fact]
    public void Load_DependentInAnEarlierFolder_LoadsDependenciesFirst()
    {
        // Folders are read in name order: the dependent would come first without the dependency sort.
        _plugins.AddLoadable(new PluginSpec("invoicing") { Folder = "1-invoicing" }.DependingOn("projects"));
        _plugins.AddLoadable(new PluginSpec("projects") { Folder = "2-projects" }.DependingOn("ledger"));
        _plugins.AddLoadable(new PluginSpec("ledger") { Folder = "3-ledger" });

        var plugins = Load();

        Assert.Equal(["ledger", "projects", "invoicing"], plugins.Select(p => p.Id));
        Assert.All(plugins, p => Assert.Equal(PluginState.Loaded, p.State));
    }

    [Fact]
    public void Load_RefusedPlugins_LogsAWarningForEachWithItsReason()
    {
        _plugins.Add(new PluginSpec("future") { Sdk = "[99.0,100.0)" });
        _plugins.Add(new PluginSpec("surveys"));
        _plugins.AddLoadable(new PluginSpec("projects"));
        _disabled.Add("surveys");

        Load();

        Assert.Equal(
            [
                $"Plugin future 1.0.0 not loaded (incompatible): Requires SDK (>= 99.0.0 && < 100.0.0); this host provides SDK {HostSdk}.",
                "Plugin surveys 1.0.0 not loaded (disabled): Disabled by an administrator.",
            ],
            _logger.Warnings.Order(StringComparer.Ordinal));
    }

    private static string HostSdk => CrmSdk.Version.ToString(3);

    private static IConfiguration NoConfiguration() => new ConfigurationBuilder().Build();

    private static void AssertRefused(PluginEntry plugin, PluginState state, string reason)
    {
        Assert.Equal(state, plugin.State);
        Assert.Equal(reason, plugin.Error);
        Assert.False(plugin.IsLoaded);
    }

    private List<PluginEntry> Load() => PluginDiscovery.Load(_plugins.Path, _disabled, new ServiceCollection(), NoConfiguration(), _logger);
}
