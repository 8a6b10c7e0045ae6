using System.Collections.Concurrent;
using System.Reflection;
using CrmBlazor.Sdk;
using CrmBlazor.Sdk.Plugins;
using McMaster.NETCore.Plugins;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// Finds the plugins in the plugins folder, refuses those that cannot run (invalid manifest,
/// incompatible SDK or shared assemblies, missing dependency, failure while configuring) and loads the
/// others in dependency order. A refused plugin never stops the host.
/// </summary>
internal static class PluginDiscovery
{
    // Types whose assemblies every plugin shares with the host. PreferSharedTypes makes the loader
    // prefer any assembly the host has; these make the contract assemblies explicit.
    private static readonly Type[] SharedTypes =
    [
        typeof(ICrmPlugin),
        typeof(MudBlazor.MudButton),
        typeof(DbContext),
        typeof(RelationalDatabaseFacadeExtensions),
        typeof(IServiceCollection),
        typeof(IComponent),
        typeof(ILogger),
        typeof(IConfiguration),
    ];

    // Plugin assemblies cannot be unloaded, and Blazor finds component assemblies by simple name
    // (docs/plugins.md, trap 7), so a process loads each plugin assembly once: a host started again in the
    // same process (integration tests start several) reuses it instead of loading a second copy.
    private static readonly ConcurrentDictionary<string, Assembly> LoadedByPath = new(StringComparer.Ordinal);

    public static List<PluginEntry> Load(
        string pluginsPath,
        IReadOnlySet<string> disabledIds,
        IServiceCollection services,
        IConfiguration configuration,
        ILogger logger,
        string? installedPath = null)
    {
        // Plugins of the plugins folder first: an uploaded plugin never takes the id of one shipped there.
        var entries = Discover(pluginsPath, uploaded: false);
        if (installedPath is not null)
        {
            entries.AddRange(Discover(installedPath, uploaded: true));
        }

        RefuseDuplicatesDisabledAndIncompatible(entries, disabledIds);
        var ordered = OrderByDependencies(entries);

        var sharedCheck = new SharedAssemblyCheck();
        var loadedAssemblyNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in ordered.Where(e => e.IsLoaded))
        {
            var missing = entry.Manifest!.DependsOn
                .Where(d => ordered.FirstOrDefault(o => o.Id == d.Key) is not { IsLoaded: true } dependency
                    || !d.Value.Satisfies(dependency.Manifest!.Version))
                .Select(d => DescribeMissing(d.Key, d.Value, ordered))
                .ToList();
            if (missing.Count > 0)
            {
                entry.Refuse(PluginState.MissingDependency, string.Join(" ", missing));
                continue;
            }

            LoadOne(entry, sharedCheck, loadedAssemblyNames, services, configuration);
        }

        foreach (var entry in ordered)
        {
            if (entry.IsLoaded)
            {
                logger.LogInformation("Plugin {PluginId} {PluginVersion} loaded from {PluginDirectory}", entry.Id, entry.Version, entry.Directory);
            }
            else
            {
                // With the exception's type and stack trace when code of the plugin failed; the reason alone otherwise.
                logger.LogWarning(entry.Failure, "Plugin {PluginId} {PluginVersion} not loaded ({PluginState}): {PluginError}",
                    entry.Id, entry.Version, PluginStateNames.Of(entry.State), entry.Error);
            }
        }

        return ordered;
    }

    private static List<PluginEntry> Discover(string pluginsPath, bool uploaded)
    {
        var entries = new List<PluginEntry>();
        if (!Directory.Exists(pluginsPath))
        {
            return entries;
        }

        foreach (var directory in Directory.GetDirectories(pluginsPath).Order(StringComparer.Ordinal))
        {
            try
            {
                entries.Add(new PluginEntry(directory, PluginManifest.Read(directory)) { IsUploaded = uploaded });
            }
            catch (PluginManifestException e)
            {
                var entry = new PluginEntry(directory, null) { IsUploaded = uploaded };
                entry.Refuse(PluginState.Invalid, e.Message);
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static void RefuseDuplicatesDisabledAndIncompatible(List<PluginEntry> entries, IReadOnlySet<string> disabledIds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.IsLoaded))
        {
            var manifest = entry.Manifest!;
            if (!seen.Add(manifest.Id))
            {
                entry.Refuse(PluginState.Invalid, $"Another folder already holds a plugin with the id '{manifest.Id}'.");
            }
            else if (disabledIds.Contains(manifest.Id))
            {
                entry.Refuse(PluginState.Disabled, "Disabled by an administrator.");
            }
            else if (SdkRangeRefusal(manifest) is { } refusal)
            {
                entry.Refuse(PluginState.Incompatible, refusal.ToString());
            }
        }
    }

    // Kahn's algorithm over the declared dependencies. Plugins in a cycle are refused; plugins that only
    // depend on a cycle are ordered after it and refused by Load for their missing dependency.
    private static List<PluginEntry> OrderByDependencies(List<PluginEntry> entries)
    {
        var byId = entries.Where(e => e.Manifest is not null).GroupBy(e => e.Id).ToDictionary(g => g.Key, g => g.First());
        var ordered = new List<PluginEntry>();
        var remaining = new List<PluginEntry>(entries);
        while (remaining.Count > 0)
        {
            var ready = remaining
                .Where(e => e.Manifest is null || e.Manifest.DependsOn.Keys.All(d => !byId.ContainsKey(d) || ordered.Contains(byId[d])))
                .ToList();
            if (ready.Count == 0)
            {
                // Nothing is ready, so at least one cycle remains. A plugin refused already keeps its reason.
                foreach (var entry in remaining)
                {
                    if (CycleThrough(entry, byId) is not { } cycle)
                    {
                        continue;
                    }

                    ready.Add(entry);
                    if (entry.IsLoaded)
                    {
                        entry.Refuse(PluginState.Failed, "Its dependencies form a cycle: " + string.Join(" → ", cycle) + ".");
                    }
                }
            }

            ordered.AddRange(ready);
            remaining.RemoveAll(ready.Contains);
        }

        return ordered;
    }

    // The shortest path of dependencies from the entry back to itself (e.g. a → b → a), or null.
    private static List<string>? CycleThrough(PluginEntry entry, Dictionary<string, PluginEntry> byId)
    {
        var dependentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<PluginEntry>([entry]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var dependency in current.Manifest!.DependsOn.Keys.Where(byId.ContainsKey))
            {
                if (dependency == entry.Id)
                {
                    var path = new List<string> { current.Id, entry.Id };
                    for (var step = current.Id; step != entry.Id; step = dependentOf[step])
                    {
                        path.Insert(0, dependentOf[step]);
                    }

                    return path;
                }

                if (dependentOf.TryAdd(dependency, current.Id))
                {
                    queue.Enqueue(byId[dependency]);
                }
            }
        }

        return null;
    }

    private static string DescribeMissing(string id, NuGet.Versioning.VersionRange range, List<PluginEntry> entries)
    {
        var dependency = entries.FirstOrDefault(e => e.Id == id);
        if (dependency is null)
        {
            return $"Requires plugin '{id}' {range.PrettyPrint()}, which is not installed.";
        }

        if (!dependency.IsLoaded)
        {
            return $"Requires plugin '{id}', which is not loaded ({PluginStateNames.Of(dependency.State)}).";
        }

        return $"Requires plugin '{id}' {range.PrettyPrint()}; version {dependency.Version} is installed.";
    }

    private static void LoadOne(
        PluginEntry entry,
        SharedAssemblyCheck sharedCheck,
        HashSet<string> loadedAssemblyNames,
        IServiceCollection services,
        IConfiguration configuration)
    {
        var manifest = entry.Manifest!;
        var assemblyPath = Path.Combine(entry.Directory, manifest.Assembly);
        if (!File.Exists(assemblyPath))
        {
            entry.Refuse(PluginState.Invalid, $"The assembly '{manifest.Assembly}' named in {PluginManifest.FileName} is not in the folder.");
            return;
        }

        if (SdkRefusal(manifest, SharedAssemblyCheck.SdkReferenceOf(assemblyPath)) is { } sdkRefusal)
        {
            entry.Refuse(sdkRefusal.State, sdkRefusal.Reason.ToString());
            return;
        }

        if (NewerSharedAssembliesRefusal(sharedCheck.NewerThanHost(assemblyPath)) is { } newer)
        {
            entry.Refuse(PluginState.Incompatible, newer.ToString());
            return;
        }

        var assemblyName = Path.GetFileNameWithoutExtension(assemblyPath);
        var fullPath = Path.GetFullPath(assemblyPath);
        LoadedByPath.TryGetValue(fullPath, out var loadedBefore);
        if (!loadedAssemblyNames.Add(assemblyName)
            || (loadedBefore is null && AppDomain.CurrentDomain.GetAssemblies().Any(a => string.Equals(a.GetName().Name, assemblyName, StringComparison.OrdinalIgnoreCase))))
        {
            entry.Refuse(PluginState.Invalid, $"The assembly name '{assemblyName}' is already in use; every plugin assembly needs a unique name.");
            return;
        }

        try
        {
            var assembly = loadedBefore ?? LoadedByPath.GetOrAdd(fullPath, path => PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config =>
            {
                config.PreferSharedTypes = true;
                config.IsUnloadable = false;
            }).LoadDefaultAssembly());
            var entryType = FindEntryType(assembly);
            var plugin = (ICrmPlugin)Activator.CreateInstance(entryType)!;

            var pluginServices = new ServiceCollection();
            var info = new PluginInfo(manifest.Id, manifest.Name, manifest.Version.Version, entry.Directory);
            var builder = new PluginBuilder(info, pluginServices, configuration.GetSection("Plugins:" + manifest.Id));
            plugin.Configure(builder);

            foreach (var descriptor in pluginServices)
            {
                services.Add(descriptor);
            }

            entry.Assembly = assembly;
            entry.Contributions = builder.Contributions;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            entry.Refuse(PluginState.Failed, "Failed while starting: " + Describe(e), e);
        }
    }

    /// <summary>Why the host's SDK is outside the plugin's <c>sdk</c> range, or null when it is inside.</summary>
    /// <param name="manifest">The plugin's manifest.</param>
    internal static Problem? SdkRangeRefusal(PluginManifest manifest) =>
        manifest.Sdk.Satisfies(new NuGet.Versioning.NuGetVersion(CrmSdk.Version))
            ? null
            : new Problem("Requires SDK {0}; this host provides SDK {1}.", manifest.Sdk.PrettyPrint(), CrmSdk.Version.ToString(3));

    /// <summary>Why a plugin built against newer shared assemblies than the host's is refused, or null when there are none.</summary>
    /// <param name="newer">The newer references, as <see cref="SharedAssemblyCheck.NewerThanHost"/> lists them.</param>
    internal static Problem? NewerSharedAssembliesRefusal(IReadOnlyList<string> newer) =>
        newer.Count == 0
            ? null
            : new Problem("Built against newer shared assemblies than this host has: {0}. Rebuild it against this host's SDK.", string.Join(", ", newer));

    // The SDK grows by minor versions (docs/decisions/0013-sdk-versioning.md): a plugin built against
    // SDK 1.2 may use what 1.2 added, so it cannot run on a 1.1 host whatever its manifest says, and a
    // manifest whose range starts below 1.2 promises what the plugin cannot keep.
    internal static (PluginState State, Problem Reason)? SdkRefusal(PluginManifest manifest, Version? builtAgainst)
    {
        if (builtAgainst is null)
        {
            return null;
        }

        var built = new Version(builtAgainst.Major, builtAgainst.Minor);
        if (built > new Version(CrmSdk.Version.Major, CrmSdk.Version.Minor))
        {
            return (PluginState.Incompatible, new Problem("Built against SDK {0}; this host provides SDK {1}.", builtAgainst.ToString(3), CrmSdk.Version.ToString(3)));
        }

        if (manifest.Sdk.MinVersion is not { } lowest || new Version(lowest.Major, lowest.Minor) < built)
        {
            return (PluginState.Invalid, new Problem("plugin.json declares SDK {0}, but the plugin is built against SDK {1}: its range must start at {2} or later.",
                manifest.Sdk.PrettyPrint(), builtAgainst.ToString(3), $"{built.Major}.{built.Minor}"));
        }

        return null;
    }

    private static Type FindEntryType(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            throw new InvalidOperationException("Some of its types could not be loaded: " + string.Join("; ", e.LoaderExceptions.Select(l => l?.Message)), e);
        }

        var candidates = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICrmPlugin).IsAssignableFrom(t)).ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new InvalidOperationException($"The assembly has no public class implementing {nameof(ICrmPlugin)}."),
            _ => throw new InvalidOperationException($"The assembly has several classes implementing {nameof(ICrmPlugin)}: " + string.Join(", ", candidates.Select(c => c.Name)) + "."),
        };
    }

    internal static string Describe(Exception e)
    {
        var message = e.Message;
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            message += " → " + inner.Message;
        }

        return message;
    }
}
