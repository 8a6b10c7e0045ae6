using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace CrmBlazor.Host.Plugins;

/// <summary>
/// Finds references of a plugin assembly to shared assemblies (MudBlazor, EF Core, ASP.NET Core...)
/// in a newer version than the host has. Such a plugin would silently get a private copy whose types
/// do not match the host's (docs/plugins.md, trap 2), so it is refused with the list this check returns.
/// The assembly is read as metadata only; none of its code is loaded.
/// </summary>
internal sealed class SharedAssemblyCheck
{
    private readonly Dictionary<string, string> _hostAssemblyPaths;
    private readonly Dictionary<string, Version?> _hostVersions = new(StringComparer.OrdinalIgnoreCase);

    public SharedAssemblyCheck()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        _hostAssemblyPaths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in trusted)
        {
            _hostAssemblyPaths.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        }
    }

    /// <summary>Lists the references that are newer than the host's copy, as "Name 2.0.0.0 (host has 1.0.0.0)".</summary>
    /// <param name="assemblyPath">The plugin assembly.</param>
    public IReadOnlyList<string> NewerThanHost(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var problems = new List<string>();
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            var name = metadata.GetString(reference.Name);
            var hostVersion = HostVersionOf(name);
            if (hostVersion is not null && reference.Version > hostVersion)
            {
                problems.Add($"{name} {reference.Version} (host has {hostVersion})");
            }
        }

        return problems;
    }

    /// <summary>The version of the SDK the plugin assembly was built against, or null if it does not reference the SDK.</summary>
    /// <param name="assemblyPath">The plugin assembly.</param>
    public static Version? SdkReferenceOf(string assemblyPath)
    {
        var sdkName = typeof(CrmBlazor.Sdk.CrmSdk).Assembly.GetName().Name;
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .Where(reference => string.Equals(metadata.GetString(reference.Name), sdkName, StringComparison.OrdinalIgnoreCase))
            .Select(reference => reference.Version)
            .FirstOrDefault();
    }

    private Version? HostVersionOf(string name)
    {
        if (_hostVersions.TryGetValue(name, out var known))
        {
            return known;
        }

        Version? version = null;
        if (_hostAssemblyPaths.TryGetValue(name, out var path))
        {
            try
            {
                version = AssemblyName.GetAssemblyName(path).Version;
            }
            catch (BadImageFormatException)
            {
                version = null;
            }
        }

        _hostVersions[name] = version;
        return version;
    }
}
