using System.IO.Compression;
using System.Security.Cryptography;
using CrmBlazor.Host.Data;
using CrmBlazor.Host.Identity;
using CrmBlazor.Host.Plugins;
using Microsoft.EntityFrameworkCore;
using NuGet.Versioning;

namespace CrmBlazor.Host.Features.Administration;

/// <summary>An uploaded plugin as stored: what the plugins page shows before and after the next start.</summary>
/// <param name="PluginId">The plugin id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Version">The version of the stored archive.</param>
/// <param name="UploadedAt">When it was uploaded.</param>
/// <param name="UploadedBy">Who uploaded it.</param>
public sealed record StoredPlugin(string PluginId, string Name, string Version, DateTimeOffset UploadedAt, string? UploadedBy);

/// <summary>How an upload ended: the plugin it installs at the next start, or why it was refused.</summary>
/// <param name="Plugin">The plugin stored, or null when refused.</param>
/// <param name="Refusal">Why it was refused, or null when stored.</param>
public sealed record PluginUpload(StoredPlugin? Plugin, Problem? Refusal)
{
    /// <summary>Whether the archive was stored.</summary>
    public bool Accepted => Plugin is not null;
}

/// <summary>
/// Plugin archives administrators upload on the plugins page (<c>crm_plugin_archives</c>): each is
/// checked completely before anything is stored, kept in the database so that every instance installs
/// it at its next start (<see cref="InstalledPlugins"/>), and removed the same way.
/// </summary>
/// <remarks>
/// The checks are those the host makes when it loads a plugin (the manifest, the SDK range, the SDK the
/// assembly is built against, shared assemblies) plus those only an archive needs: a zip whose entries stay
/// in the plugin's folder, within the size limits, with <c>plugin.json</c> and the entry assembly at its root,
/// an id no plugin of the plugins folder has, and assemblies whose names nothing else loads.
/// </remarks>
public sealed class PluginArchives(
    IDbContextFactory<CrmDbContext> contexts,
    PluginCatalog catalog,
    CurrentUser currentUser,
    SecurityLog securityLog,
    IConfiguration configuration,
    TimeProvider clock)
{
    /// <summary>The limits configured for archives.</summary>
    public PluginArchiveLimits Limits { get; } = PluginArchiveLimits.From(configuration);

    /// <summary>The uploaded plugins stored now, by id.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    public async Task<IReadOnlyList<StoredPlugin>> StoredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PluginArchives.AsNoTracking().OrderBy(a => a.PluginId)
            .Select(a => new StoredPlugin(a.PluginId, a.Name, a.Version, a.UploadedAt, a.UploadedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Checks an uploaded archive and, when it passes, stores it to be installed at the next start,
    /// replacing the stored archive of the same plugin (an upgrade); for administrators only.
    /// </summary>
    /// <param name="archive">The uploaded file; read up to one byte past the size limit.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    public async Task<PluginUpload> InstallAsync(Stream archive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(archive);
        if (!await currentUser.HasPermissionAsync(CorePermissions.Administration, cancellationToken))
        {
            return Refused(new Problem("Only administrators may install, remove or purge plugins."));
        }

        byte[] content;
        try
        {
            content = await ReadWithinLimitAsync(archive, cancellationToken);
        }
        catch (PluginArchiveException e)
        {
            return Refused(e.Problem);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var others = await db.PluginArchives.AsNoTracking().ToListAsync(cancellationToken);
        PluginManifest manifest;
        var unpacked = Directory.CreateTempSubdirectory("crm-plugin-upload-").FullName;
        try
        {
            using (var stream = new MemoryStream(content, writable: false))
            {
                PluginArchive.ExtractTo(stream, unpacked, Limits);
            }

            manifest = Check(unpacked, others);
        }
        catch (PluginArchiveException e)
        {
            return Refused(e.Problem);
        }
        finally
        {
            Directory.Delete(unpacked, recursive: true);
        }

        var record = await db.PluginArchives.FirstOrDefaultAsync(a => a.PluginId == manifest.Id, cancellationToken);
        if (record is not null && NuGetVersion.TryParse(record.Version, out var storedVersion) && manifest.Version < storedVersion)
        {
            return Refused(new Problem("Version {0} is older than the uploaded version {1}; remove the plugin first to go back to an older version.",
                manifest.Version.ToNormalizedString(), record.Version));
        }

        var replaced = record is not null;
        record ??= db.PluginArchives.Add(new PluginArchiveRecord
        {
            PluginId = manifest.Id, Name = manifest.Name, Version = string.Empty, Content = [], Sha256 = string.Empty,
        }).Entity;
        record.Name = manifest.Name;
        record.Version = manifest.Version.ToNormalizedString();
        record.Content = content;
        record.Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        record.UploadedAt = clock.GetUtcNow();
        record.UploadedBy = currentUser.UserName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two uploads of a new plugin at the same moment: the first one stored wins.
            return Refused(new Problem("Another upload of '{0}' was stored at the same moment; look at the list and upload again if needed.", manifest.Id));
        }

        await securityLog.WriteAsync(replaced ? "plugin-replaced" : "plugin-installed", currentUser.UserName, null, $"{manifest.Id} {record.Version}");
        return new PluginUpload(new StoredPlugin(record.PluginId, record.Name, record.Version, record.UploadedAt, record.UploadedBy), null);
    }

    /// <summary>
    /// Removes an uploaded plugin: its archive is deleted, and every instance deletes its folder and
    /// stops loading it at its next start. Its tables stay until an administrator purges them
    /// (<see cref="PluginData.PurgeAsync"/>). For administrators only.
    /// </summary>
    /// <param name="pluginId">The plugin.</param>
    /// <param name="cancellationToken">Cancels the change.</param>
    public async Task<ChangeResult> RemoveAsync(string pluginId, CancellationToken cancellationToken = default)
    {
        if (!await currentUser.HasPermissionAsync(CorePermissions.Administration, cancellationToken))
        {
            return ChangeResult.Forbidden(new Problem("Only administrators may install, remove or purge plugins."));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = await db.PluginArchives.Where(a => a.PluginId == pluginId).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return ChangeResult.NotFound();
        }

        await securityLog.WriteAsync("plugin-removed", currentUser.UserName, null, pluginId);
        return ChangeResult.Saved(0);
    }

    private static PluginUpload Refused(Problem problem) => new(null, problem);

    private async Task<byte[]> ReadWithinLimitAsync(Stream archive, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await archive.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > Limits.MaxArchiveBytes)
            {
                throw new PluginArchiveException(TooLarge(Limits));
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Why an archive of this size is refused.</summary>
    /// <param name="limits">The limits.</param>
    public static Problem TooLarge(PluginArchiveLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new Problem("The archive is larger than {0} MB, the most this CRM accepts.", Math.Max(1, limits.MaxArchiveBytes / (1024 * 1024)));
    }

    private PluginManifest Check(string directory, IReadOnlyList<PluginArchiveRecord> stored)
    {
        if (!File.Exists(Path.Combine(directory, PluginManifest.FileName)))
        {
            throw new PluginArchiveException(new Problem("The archive has no plugin.json at its root."));
        }

        PluginManifest manifest;
        try
        {
            manifest = PluginManifest.Read(directory);
        }
        catch (PluginManifestException e)
        {
            throw new PluginArchiveException(e.Problem);
        }

        var existing = catalog.Find(manifest.Id);
        if (existing is { IsUploaded: false })
        {
            throw new PluginArchiveException(new Problem("The id '{0}' belongs to a plugin installed in the plugins folder.", manifest.Id));
        }

        if (PluginDiscovery.SdkRangeRefusal(manifest) is { } range)
        {
            throw new PluginArchiveException(range);
        }

        var assemblyPath = Path.Combine(directory, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            throw new PluginArchiveException(new Problem("The assembly '{0}' named in plugin.json is not at the root of the archive.", manifest.Assembly));
        }

        try
        {
            if (PluginDiscovery.SdkRefusal(manifest, SharedAssemblyCheck.SdkReferenceOf(assemblyPath)) is { } sdk)
            {
                throw new PluginArchiveException(sdk.Reason);
            }

            if (PluginDiscovery.NewerSharedAssembliesRefusal(new SharedAssemblyCheck().NewerThanHost(assemblyPath)) is { } newer)
            {
                throw new PluginArchiveException(newer);
            }
        }
        catch (BadImageFormatException)
        {
            throw new PluginArchiveException(new Problem("The assembly '{0}' named in plugin.json is not a .NET assembly.", manifest.Assembly));
        }

        if (AssemblyNamesInUse(manifest.Id, stored).Intersect(PluginArchive.AssemblyNamesIn(directory), StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } duplicate)
        {
            throw new PluginArchiveException(new Problem("The archive holds the assembly '{0}', whose name the host or another plugin already uses; every assembly of a plugin needs a name of its own, and the host's assemblies must not be in the archive.",
                duplicate));
        }

        return manifest;
    }

    // The names of what the host loads or ships and of every other plugin's assemblies (found, or stored
    // and not yet installed); the plugin being replaced may reuse its own.
    private HashSet<string> AssemblyNamesInUse(string pluginId, IReadOnlyList<PluginArchiveRecord> stored)
    {
        var own = catalog.Find(pluginId) is { IsUploaded: true } replaced && Directory.Exists(replaced.Directory)
            ? PluginArchive.AssemblyNamesIn(replaced.Directory).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        names.UnionWith(AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).OfType<string>().Where(n => !own.Contains(n)));
        names.UnionWith(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>());
        foreach (var plugin in catalog.Plugins.Where(p => p.Id != pluginId && Directory.Exists(p.Directory)))
        {
            names.UnionWith(PluginArchive.AssemblyNamesIn(plugin.Directory));
        }

        foreach (var other in stored.Where(s => s.PluginId != pluginId))
        {
            using var zip = new ZipArchive(new MemoryStream(other.Content, writable: false), ZipArchiveMode.Read);
            names.UnionWith(zip.Entries
                .Where(e => e.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !e.Name.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase))
                .Select(e => Path.GetFileNameWithoutExtension(e.Name)));
        }

        return names;
    }
}
