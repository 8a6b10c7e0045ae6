namespace CrmBlazor.Host.Tests.Builders;

/// <summary>A temporary plugins folder: one sub-folder per plugin, each with a manifest and, if given, an assembly.</summary>
internal sealed class PluginsFolder : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public string Path => _root.Path;

    /// <summary>Writes a plugin folder holding only the manifest.</summary>
    public string Add(PluginSpec plugin) => AddManifestText(plugin.FolderName, plugin.ToJson());

    /// <summary>Writes a plugin folder with its manifest and an assembly image under the manifest's file name.</summary>
    public string Add(PluginSpec plugin, byte[] assembly)
    {
        var directory = Add(plugin);
        File.WriteAllBytes(System.IO.Path.Combine(directory, plugin.Assembly), assembly);
        return directory;
    }

    /// <summary>
    /// Writes a plugin folder with a loadable plugin assembly of a unique name (a loaded assembly stays
    /// loaded for the whole test run), whose <c>Configure</c> does nothing or throws with the given message.
    /// </summary>
    /// <returns>The plugin as written, with its assembly file name.</returns>
    public PluginSpec AddLoadable(PluginSpec plugin, string? configureThrows = null)
    {
        var assemblyName = "Acme.Plugin" + Guid.NewGuid().ToString("N");
        var written = plugin with { Assembly = assemblyName + ".dll" };
        Add(written, AssemblyImages.Plugin(assemblyName, configureThrows));
        return written;
    }

    /// <summary>Writes a plugin folder whose manifest is the given text, valid or not.</summary>
    public string AddManifestText(string folder, string json)
    {
        var directory = AddEmptyFolder(folder);
        File.WriteAllText(System.IO.Path.Combine(directory, "plugin.json"), json);
        return directory;
    }

    public string AddEmptyFolder(string folder)
    {
        var directory = System.IO.Path.Combine(Path, folder);
        Directory.CreateDirectory(directory);
        return directory;
    }

    public void Dispose() => _root.Dispose();
}
