using System.IO.Compression;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// How large a plugin archive may be: the file itself (<c>Plugins:MaxArchiveBytes</c>), what it holds
/// once unpacked (<c>Plugins:MaxUncompressedBytes</c>) and its number of entries
/// (<c>Plugins:MaxArchiveEntries</c>). The last two stop a small archive that unpacks into gigabytes.
/// </summary>
/// <param name="MaxArchiveBytes">The largest archive accepted.</param>
/// <param name="MaxUncompressedBytes">The largest total size of the files it holds.</param>
/// <param name="MaxEntries">The most entries (files and folders) it may hold.</param>
public sealed record PluginArchiveLimits(long MaxArchiveBytes, long MaxUncompressedBytes, int MaxEntries)
{
    /// <summary>50 MB: a plugin with its own libraries, translations and static files is a few MB.</summary>
    public const long DefaultMaxArchiveBytes = 50L * 1024 * 1024;

    /// <summary>200 MB unpacked.</summary>
    public const long DefaultMaxUncompressedBytes = 200L * 1024 * 1024;

    /// <summary>5,000 entries.</summary>
    public const int DefaultMaxEntries = 5_000;

    /// <summary>The limits configured under <c>Plugins</c>, with the defaults for those not set.</summary>
    /// <param name="configuration">The host's configuration.</param>
    public static PluginArchiveLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new PluginArchiveLimits(
            configuration.GetValue("Plugins:MaxArchiveBytes", DefaultMaxArchiveBytes),
            configuration.GetValue("Plugins:MaxUncompressedBytes", DefaultMaxUncompressedBytes),
            configuration.GetValue("Plugins:MaxArchiveEntries", DefaultMaxEntries));
    }
}

/// <summary>A plugin archive that cannot be installed.</summary>
/// <param name="problem">Why, translatable for the administrator who uploaded it; in English in <see cref="Exception.Message"/>.</param>
/// <param name="inner">The error of the zip reader, if any.</param>
public sealed class PluginArchiveException(Problem problem, Exception? inner = null) : Exception(problem?.ToString(), inner)
{
    /// <summary>Why, as a message a page translates.</summary>
    public Problem Problem { get; } = problem ?? throw new ArgumentNullException(nameof(problem));
}

/// <summary>
/// Unpacks plugin archives: a zip file whose root holds <c>plugin.json</c> and the plugin's own files,
/// laid out as in a folder of the plugins path. Every entry is checked before it is written: a path that
/// would leave the folder (<c>../</c>, an absolute path, a drive letter), a symbolic link, too many
/// entries or too many bytes refuse the whole archive. The same code unpacks an upload to check it and
/// a stored archive at start-up.
/// </summary>
internal static class PluginArchive
{
    // Unix file type bits of a zip entry's external attributes (made by zip tools on Unix): a symbolic link.
    private const int UnixFileTypeMask = 0xF000;
    private const int UnixSymbolicLink = 0xA000;

    /// <summary>Unpacks an archive into an empty or new folder.</summary>
    /// <param name="archive">The archive (read from its start; left open).</param>
    /// <param name="directory">The folder to fill.</param>
    /// <param name="limits">The size limits.</param>
    /// <exception cref="PluginArchiveException">The archive is damaged, too large, or holds an entry that is not allowed; the folder may be partly written.</exception>
    public static void ExtractTo(Stream archive, string directory, PluginArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            using var zip = new ZipArchive(archive, ZipArchiveMode.Read, leaveOpen: true);
            Extract(zip, directory, limits);
        }
        catch (InvalidDataException e)
        {
            // The central directory is read when the entries are first listed, an entry's data when it is unpacked.
            throw new PluginArchiveException(new Problem("The file is not a zip archive, or it is damaged."), e);
        }
    }

    private static void Extract(ZipArchive zip, string directory, PluginArchiveLimits limits)
    {
        if (zip.Entries.Count > limits.MaxEntries)
        {
            throw new PluginArchiveException(new Problem("The archive holds {0} entries; at most {1} are accepted.", zip.Entries.Count, limits.MaxEntries));
        }

        // The sizes the archive declares are checked first; the bytes actually unpacked are counted too, since a
        // crafted archive can declare less than it holds.
        if (zip.Entries.Sum(e => e.Length) > limits.MaxUncompressedBytes)
        {
            throw TooLargeUnpacked(limits);
        }

        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        long written = 0;
        foreach (var entry in zip.Entries)
        {
            var target = TargetOf(entry, root);
            if (entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\'))
            {
                Directory.CreateDirectory(target);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            written = Write(entry, target, written, limits);
        }
    }

    /// <summary>
    /// The simple names of the assemblies among the archive's files (satellite resource assemblies
    /// excepted): the plugin's own assemblies, each of which must have a name nothing else loads.
    /// </summary>
    /// <param name="directory">The unpacked plugin folder.</param>
    public static IReadOnlyList<string> AssemblyNamesIn(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.dll", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(name => !name.EndsWith(".resources", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];

    private static string TargetOf(ZipArchiveEntry entry, string root)
    {
        var name = entry.FullName.Replace('\\', '/');
        var segments = name.Split('/');
        var escapes = name.StartsWith('/')
            || name.Contains(':', StringComparison.Ordinal)
            || name.Contains('\0', StringComparison.Ordinal)
            || segments.Any(s => s == "..");
        if (escapes)
        {
            throw new PluginArchiveException(new Problem("The entry '{0}' would be written outside the plugin's folder.", entry.FullName));
        }

        if (((entry.ExternalAttributes >> 16) & UnixFileTypeMask) == UnixSymbolicLink)
        {
            throw new PluginArchiveException(new Problem("The entry '{0}' is a symbolic link; a plugin archive holds files and folders only.", entry.FullName));
        }

        var target = Path.GetFullPath(Path.Combine(root, Path.Combine([.. segments.Where(s => s.Length > 0 && s != ".")])));
        if (!target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && target != root)
        {
            throw new PluginArchiveException(new Problem("The entry '{0}' would be written outside the plugin's folder.", entry.FullName));
        }

        return target;
    }

    private static long Write(ZipArchiveEntry entry, string target, long written, PluginArchiveLimits limits)
    {
        if (File.Exists(target))
        {
            throw new PluginArchiveException(new Problem("The archive holds '{0}' more than once.", entry.FullName));
        }

        using var source = entry.Open();
        using var destination = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
        var buffer = new byte[81_920];
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            written += read;
            if (written > limits.MaxUncompressedBytes)
            {
                throw TooLargeUnpacked(limits);
            }

            destination.Write(buffer, 0, read);
        }

        return written;
    }

    private static PluginArchiveException TooLargeUnpacked(PluginArchiveLimits limits) =>
        new(new Problem("The archive unpacks to more than {0} MB.", limits.MaxUncompressedBytes / (1024 * 1024)));
}
