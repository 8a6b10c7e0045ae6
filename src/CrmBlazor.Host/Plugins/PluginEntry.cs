using System.Reflection;

namespace CrmBlazor.Host.Plugins;

/// <summary>One folder of the plugins path, and what became of it.</summary>
public sealed class PluginEntry
{
    internal PluginEntry(string directory, PluginManifest? manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    /// <summary>The plugin id, or the folder name if the manifest could not be read.</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(Directory);

    /// <summary>The display name.</summary>
    public string Name => Manifest?.Name ?? Path.GetFileName(Directory);

    /// <summary>The plugin version, or empty if unknown.</summary>
    public string Version => Manifest?.Version.ToNormalizedString() ?? string.Empty;

    /// <summary>The plugin folder.</summary>
    public string Directory { get; }

    /// <summary>
    /// Whether an administrator uploaded the plugin (it was extracted from an archive kept in the
    /// database) rather than installed it in the plugins folder; only uploaded plugins can be removed on the plugins page.
    /// </summary>
    public bool IsUploaded { get; init; }

    /// <summary>The manifest, or null if it could not be read.</summary>
    public PluginManifest? Manifest { get; }

    /// <summary>Where the plugin stands.</summary>
    public PluginState State { get; private set; } = PluginState.Loaded;

    /// <summary>Why the plugin is not loaded, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>The exception behind <see cref="Error"/> when the plugin failed while starting, for the log; the admin page shows <see cref="Error"/> only.</summary>
    internal Exception? Failure { get; private set; }

    /// <summary>The plugin assembly, once loaded.</summary>
    public Assembly? Assembly { get; internal set; }

    /// <summary>What the plugin contributes (empty unless it configured successfully).</summary>
    public PluginContributions Contributions { get; internal set; } = new();

    /// <summary>Whether the plugin is running.</summary>
    public bool IsLoaded => State == PluginState.Loaded;

    internal void Refuse(PluginState state, string error, Exception? failure = null)
    {
        State = state;
        Error = error;
        Failure = failure;
    }
}
