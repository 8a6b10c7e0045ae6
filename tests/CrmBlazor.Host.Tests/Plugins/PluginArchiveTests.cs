using System.IO.Compression;
using CrmBlazor.Host.Plugins;
using CrmBlazor.Host.Tests.Builders;
using CrmBlazor.Testing.Plugins;

namespace CrmBlazor.Host.Tests.Plugins;

/// <summary>Unpacking a plugin archive refuses, with a reason, anything that is not a plugin's own files inside its folder.</summary>
public sealed class PluginArchiveTests : IDisposable
{
    private static readonly PluginArchiveLimits Limits = new(MaxArchiveBytes: 1_000_000, MaxUncompressedBytes: 100_000, MaxEntries: 20);
    private readonly TemporaryDirectory _root = new();

    private string Target => Path.Combine(_root.Path, "plugin");

    [Fact]
    public void ExtractTo_AValidArchive_WritesItsFilesAndFolders()
    {
        var archive = new PluginArchiveBuilder().With("plugin.json", "{}").With("ta/Acme.resources.dll", [1, 2]).With("wwwroot/site.css", "a{}").Build();

        Extract(archive);

        Assert.True(File.Exists(Path.Combine(Target, "plugin.json")));
        Assert.True(File.Exists(Path.Combine(Target, "ta", "Acme.resources.dll")));
        Assert.Equal("a{}", File.ReadAllText(Path.Combine(Target, "wwwroot", "site.css")));
    }

    [Fact]
    public void ExtractTo_AFileThatIsNotAZip_IsRefused()
    {
        var refusal = Refusal("plugin.json and nothing else"u8.ToArray());

        Assert.Equal("The file is not a zip archive, or it is damaged.", refusal);
    }

    [Fact]
    public void ExtractTo_ACorruptArchive_IsRefused()
    {
        var archive = new PluginArchiveBuilder().With("plugin.json", new string('x', 5_000)).Build();
        // Damages the compressed bytes of the only entry, after its local header.
        for (var i = 60; i < 90; i++)
        {
            archive[i] ^= 0x5A;
        }

        var refusal = Refusal(archive);

        Assert.Equal("The file is not a zip archive, or it is damaged.", refusal);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("wwwroot/../../outside.txt")]
    [InlineData("/etc/outside.txt")]
    [InlineData("C:/Windows/outside.txt")]
    [InlineData("..\\outside.txt")]
    public void ExtractTo_AnEntryEscapingTheFolder_IsRefusedAndNothingIsWrittenOutside(string name)
    {
        var archive = new PluginArchiveBuilder().With("plugin.json", "{}").With(name, "escaped").Build();

        var refusal = Refusal(archive);

        Assert.Equal($"The entry '{name}' would be written outside the plugin's folder.", refusal);
        Assert.False(File.Exists(Path.Combine(_root.Path, "outside.txt")));
    }

    [Fact]
    public void ExtractTo_ASymbolicLink_IsRefused()
    {
        var archive = new PluginArchiveBuilder().With("plugin.json", "{}").WithSymbolicLink("secrets", "/etc/passwd").Build();

        var refusal = Refusal(archive);

        Assert.Equal("The entry 'secrets' is a symbolic link; a plugin archive holds files and folders only.", refusal);
    }

    [Fact]
    public void ExtractTo_MoreEntriesThanTheLimit_IsRefused()
    {
        var builder = new PluginArchiveBuilder();
        for (var i = 0; i < 21; i++)
        {
            builder.With($"file{i}.txt", "x");
        }

        var refusal = Refusal(builder.Build());

        Assert.Equal("The archive holds 21 entries; at most 20 are accepted.", refusal);
    }

    [Fact]
    public void ExtractTo_AnArchiveThatUnpacksBeyondTheLimit_IsRefused()
    {
        // 1 MB of zeros compresses to about a kilobyte: a small zip bomb.
        var archive = new PluginArchiveBuilder().With("plugin.json", "{}").With("bomb.bin", new byte[1_000_000]).Build(CompressionLevel.SmallestSize);

        var refusal = Refusal(archive);

        Assert.True(archive.Length < Limits.MaxUncompressedBytes);
        Assert.Equal("The archive unpacks to more than 0 MB.", refusal);
    }

    [Fact]
    public void ExtractTo_TheSameFileTwice_IsRefused()
    {
        var archive = new PluginArchiveBuilder().With("plugin.json", "{}").With("plugin.json", "{ }").Build();

        var refusal = Refusal(archive);

        Assert.Equal("The archive holds 'plugin.json' more than once.", refusal);
    }

    [Fact]
    public void AssemblyNamesIn_AFolder_ListsItsAssembliesButNotSatelliteResources()
    {
        Extract(new PluginArchiveBuilder().With("Acme.Tickets.dll", [1]).With("lib/Acme.Parser.dll", [1]).With("ta/Acme.Tickets.resources.dll", [1]).Build());

        Assert.Equal(["Acme.Parser", "Acme.Tickets"], PluginArchive.AssemblyNamesIn(Target));
    }

    public void Dispose() => _root.Dispose();

    private void Extract(byte[] archive)
    {
        using var stream = new MemoryStream(archive);
        PluginArchive.ExtractTo(stream, Target, Limits);
    }

    private string Refusal(byte[] archive) => Assert.Throws<PluginArchiveException>(() => Extract(archive)).Problem.ToString();
}
