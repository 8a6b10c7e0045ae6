namespace CrmBlazor.Host.Plugins;

/// <summary>An uploaded plugin archive as start-up sees it: its id, its hash, and its bytes when needed.</summary>
/// <param name="PluginId">The plugin id.</param>
/// <param name="Sha256">The SHA-256 of the archive, lower-case hex.</param>
/// <param name="Content">Reads the archive (only for a plugin whose folder is missing or stale).</param>
internal sealed record StoredPluginArchive(string PluginId, string Sha256, Func<byte[]> Content);

/// <summary>
/// The folder of uploaded plugins (<c>Plugins:InstalledPath</c>, by default
/// <c>&lt;Crm:DataDirectory&gt;/installed-plugins</c>), made to match the archives stored in the
/// database before plugins are discovered: a missing or stale plugin folder is unpacked again, the folder
/// of a removed plugin is deleted.
/// </summary>
/// <remarks>
/// An archive is unpacked into a folder beside (<c>&lt;installed path&gt;.staging</c>) and moved into place
/// only when complete, with the hash of its archive written last; the staging folder is emptied at every
/// start. A host killed while unpacking therefore leaves either the previous folder or none, never a
/// half-written plugin, and the next start unpacks again. Only folders carrying that hash are ever
/// deleted, so a misconfigured path never loses files this host did not write.
/// </remarks>
internal static class InstalledPlugins
{
    /// <summary>The file in each unpacked plugin folder that holds the hash of its archive.</summary>
    public const string HashFileName = ".archive-sha256";

    /// <summary>Makes the folder match the stored archives.</summary>
    /// <param name="installedPath">The folder of uploaded plugins.</param>
    /// <param name="archives">The archives stored in the database.</param>
    /// <param name="limits">The size limits (an archive stored under larger limits is refused now).</param>
    /// <param name="logger">Receives what was unpacked, removed or refused.</param>
    public static void Synchronise(string installedPath, IReadOnlyList<StoredPluginArchive> archives, PluginArchiveLimits limits, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(archives);
        var staging = StagingPathOf(installedPath);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(installedPath);
        var stored = archives.ToDictionary(a => a.PluginId, StringComparer.Ordinal);
        foreach (var directory in Directory.GetDirectories(installedPath))
        {
            var id = Path.GetFileName(directory);
            if (!stored.ContainsKey(id) && File.Exists(Path.Combine(directory, HashFileName)))
            {
                Directory.Delete(directory, recursive: true);
                logger.LogInformation("Uploaded plugin {PluginId} removed from {PluginDirectory}", id, directory);
            }
        }

        foreach (var archive in archives)
        {
            var target = Path.Combine(installedPath, archive.PluginId);
            if (HashOf(target) == archive.Sha256)
            {
                continue;
            }

            try
            {
                Install(archive, target, staging, limits);
                logger.LogInformation("Uploaded plugin {PluginId} unpacked into {PluginDirectory}", archive.PluginId, target);
            }
            catch (PluginArchiveException e)
            {
                // Not loaded at all rather than an older copy: the stored archive is what the administrator chose.
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                logger.LogError(e, "Uploaded plugin {PluginId} could not be unpacked: {Reason}", archive.PluginId, e.Message);
            }
        }
    }

    /// <summary>The folder beside the installed path where archives are unpacked before they are moved into place.</summary>
    /// <param name="installedPath">The folder of uploaded plugins.</param>
    public static string StagingPathOf(string installedPath) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(installedPath)) + ".staging";

    private static void Install(StoredPluginArchive archive, string target, string staging, PluginArchiveLimits limits)
    {
        var unpacked = Path.Combine(staging, archive.PluginId + "-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var content = new MemoryStream(archive.Content(), writable: false);
            PluginArchive.ExtractTo(content, unpacked, limits);
        }
        catch (PluginArchiveException)
        {
            Directory.Delete(unpacked, recursive: true);
            throw;
        }

        File.WriteAllText(Path.Combine(unpacked, HashFileName), archive.Sha256);
        if (Directory.Exists(target))
        {
            // Out of the way first, then the new folder in: each move is atomic on one file system.
            var previous = Path.Combine(staging, "previous-" + archive.PluginId + "-" + Guid.NewGuid().ToString("N"));
            Directory.Move(target, previous);
            Directory.Move(unpacked, target);
            Directory.Delete(previous, recursive: true);
        }
        else
        {
            Directory.Move(unpacked, target);
        }
    }

    private static string? HashOf(string directory)
    {
        var file = Path.Combine(directory, HashFileName);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }
}
