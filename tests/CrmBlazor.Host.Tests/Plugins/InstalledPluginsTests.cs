using System.Security.Cryptography;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Testing.Plugins;
using Microsoft.Extensions.Logging;

namespace CrmBlazor.Host.Tests.Plugins;

/// <summary>
/// At start-up the folder of uploaded plugins is made to match the archives in the database, and a host
/// killed while unpacking never leaves a half-written plugin for the next start to load.
/// </summary>
public sealed class InstalledPluginsTests : IDisposable
{
    private static readonly PluginArchiveLimits Limits = new(1_000_000, 1_000_000, 100);
    private readonly TemporaryDirectory _root = new();
    private readonly RecordingLogger _logger = new();

    private string Installed => Path.Combine(_root.Path, "installed-plugins");

    [Fact]
    public void Synchronise_AStoredArchive_UnpacksItIntoAFolderNamedByItsId()
    {
        Synchronise(Stored("acme-tickets", Archive("1.0.0")));

        Assert.True(File.Exists(Path.Combine(Installed, "acme-tickets", "plugin.json")));
        Assert.True(File.Exists(Path.Combine(Installed, "acme-tickets", "Acme.Tickets.dll")));
    }

    [Fact]
    public void Synchronise_AfterAKillWhileUnpacking_DiscardsTheHalfWrittenCopyAndUnpacksAgain()
    {
        // What a host killed while unpacking leaves: part of the plugin in the staging folder, nothing in place.
        var halfWritten = Path.Combine(InstalledPlugins.StagingPathOf(Installed), "acme-tickets-0123456789abcdef");
        Directory.CreateDirectory(halfWritten);
        File.WriteAllText(Path.Combine(halfWritten, "plugin.json"), "{ \"id\": \"acme-tick");

        Synchronise(Stored("acme-tickets", Archive("1.0.0")));

        Assert.False(Directory.Exists(halfWritten));
        Assert.Contains("\"version\":\"1.0.0\"", File.ReadAllText(Path.Combine(Installed, "acme-tickets", "plugin.json")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Installed, "acme-tickets", InstalledPlugins.HashFileName)));
    }

    [Fact]
    public void Synchronise_AnArchiveThatFailsHalfway_LeavesNoPluginFolderToLoad()
    {
        // The first entry is written, the second refused: a failure in the middle of unpacking.
        var broken = new PluginArchiveBuilder().With("plugin.json", "{}").With("../escape.txt", "x").Build();

        Synchronise(Stored("acme-tickets", broken));

        Assert.False(Directory.Exists(Path.Combine(Installed, "acme-tickets")));
        Assert.Empty(Directory.GetFileSystemEntries(InstalledPlugins.StagingPathOf(Installed)));
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("acme-tickets", StringComparison.Ordinal));
    }

    [Fact]
    public void Synchronise_ANewerArchive_ReplacesTheStaleFolder()
    {
        Synchronise(Stored("acme-tickets", new PluginArchiveBuilder().With("plugin.json", "{\"version\":\"1.0.0\"}").With("old.txt", "x").Build()));

        Synchronise(Stored("acme-tickets", Archive("1.1.0")));

        Assert.False(File.Exists(Path.Combine(Installed, "acme-tickets", "old.txt")));
        Assert.Contains("\"version\":\"1.1.0\"", File.ReadAllText(Path.Combine(Installed, "acme-tickets", "plugin.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Synchronise_AnUnchangedArchive_IsNotReadAgain()
    {
        var archive = Archive("1.0.0");
        Synchronise(Stored("acme-tickets", archive));
        var reads = 0;

        Synchronise(new StoredPluginArchive("acme-tickets", Hash(archive), () => { reads++; return archive; }));

        Assert.Equal(0, reads);
    }

    [Fact]
    public void Synchronise_ARemovedArchive_DeletesItsFolder()
    {
        Synchronise(Stored("acme-tickets", Archive("1.0.0")));

        Synchronise();

        Assert.False(Directory.Exists(Path.Combine(Installed, "acme-tickets")));
    }

    [Fact]
    public void Synchronise_AFolderItDidNotUnpack_IsLeftAlone()
    {
        var foreign = Path.Combine(Installed, "hand-made");
        Directory.CreateDirectory(foreign);
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "mine");

        Synchronise();

        Assert.True(File.Exists(Path.Combine(foreign, "notes.txt")));
    }

    public void Dispose() => _root.Dispose();

    private static byte[] Archive(string version) =>
        new PluginArchiveBuilder().With("plugin.json", $"{{\"id\":\"acme-tickets\",\"version\":\"{version}\"}}").With("Acme.Tickets.dll", [1, 2, 3]).Build();

    private static StoredPluginArchive Stored(string id, byte[] archive) => new(id, Hash(archive), () => archive);

    private static string Hash(byte[] archive) => Convert.ToHexStringLower(SHA256.HashData(archive));

    private void Synchronise(params StoredPluginArchive[] archives) => InstalledPlugins.Synchronise(Installed, archives, Limits, _logger);
}
