using System.IO.Compression;
using System.Text.Json;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Sdk;

namespace CrmBlazor.Testing.Plugins;

/// <summary>
/// A plugin archive as an administrator would upload it: a zip file with <c>plugin.json</c> and the
/// plugin's files, valid unless a test makes it otherwise. One source file linked into the host's unit
/// tests and the integration tests.
/// </summary>
internal sealed class PluginArchiveBuilder
{
    private readonly List<(string Name, byte[] Content, int UnixMode)> _entries = [];

    /// <summary>The SDK range a plugin built against this host's SDK declares.</summary>
    public static string CurrentSdkRange => $"[{CrmSdk.Version.Major}.{CrmSdk.Version.Minor},{CrmSdk.Version.Major + 1}.0)";

    /// <summary>
    /// A loadable plugin: its manifest and an assembly of a name unique in the test run (a loaded
    /// assembly stays loaded), whose <c>Configure</c> does nothing.
    /// </summary>
    /// <param name="id">The plugin id.</param>
    /// <param name="version">The plugin version.</param>
    /// <param name="assemblyName">The assembly's name, unique unless given (an upgrade keeps its assembly's name).</param>
    public static PluginArchiveBuilder ForPlugin(string id, string version = "1.0.0", string? assemblyName = null)
    {
        assemblyName ??= "Acme.Uploaded" + Guid.NewGuid().ToString("N");
        return new PluginArchiveBuilder()
            .WithManifest(id, assemblyName + ".dll", version)
            .With(assemblyName + ".dll", AssemblyImages.Plugin(assemblyName));
    }

    /// <summary>The assembly file the manifest names (set by <see cref="WithManifest"/>).</summary>
    public string? Assembly { get; private set; }

    /// <summary>Adds <c>plugin.json</c> with these values.</summary>
    public PluginArchiveBuilder WithManifest(string id, string assembly, string version = "1.0.0", string? sdk = null)
    {
        Assembly = assembly;
        return With("plugin.json", JsonSerializer.Serialize(new { id, name = "Uploaded " + id, version, sdk = sdk ?? CurrentSdkRange, assembly }));
    }

    /// <summary>Adds a text file (UTF-8).</summary>
    public PluginArchiveBuilder With(string name, string text) => With(name, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a file.</summary>
    public PluginArchiveBuilder With(string name, byte[] content)
    {
        _entries.Add((name, content, 0));
        return this;
    }

    /// <summary>Adds an entry that unpacks as a symbolic link on Unix (file type bits 0xA000).</summary>
    public PluginArchiveBuilder WithSymbolicLink(string name, string target)
    {
        _entries.Add((name, System.Text.Encoding.UTF8.GetBytes(target), 0xA1FF));
        return this;
    }

    /// <summary>Removes an entry (e.g. the entry assembly).</summary>
    public PluginArchiveBuilder Without(string name)
    {
        _entries.RemoveAll(e => e.Name == name);
        return this;
    }

    /// <summary>The zip file.</summary>
    /// <param name="level">How hard to compress.</param>
    public byte[] Build(CompressionLevel level = CompressionLevel.Optimal)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, mode) in _entries)
            {
                var entry = zip.CreateEntry(name, level);
                if (mode != 0)
                {
                    entry.ExternalAttributes = mode << 16;
                }

                using var writer = entry.Open();
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Zips a plugin folder as it is (e.g. a fixture plugin's folder under the test's plugins folder).</summary>
    /// <param name="directory">The folder.</param>
    public static byte[] FromFolder(string directory)
    {
        using var stream = new MemoryStream();
        ZipFile.CreateFromDirectory(directory, stream);
        return stream.ToArray();
    }
}
