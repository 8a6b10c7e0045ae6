using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CrmBlazor.Host.Extensions;

internal static class CrmConfigurationExtensions
{
    /// <summary>
    /// Adds the repository's root appsettings.json, which the build copies next to the host, as the
    /// lowest-precedence source: files in the content root, environment variables
    /// (<c>Database__Provider</c>, <c>ConnectionStrings__Crm</c>) and the command line override it.
    /// </summary>
    public static IHostApplicationBuilder AddCrmConfiguration(this IHostApplicationBuilder builder)
    {
        var source = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Path = "appsettings.json",
            Optional = true,
            ReloadOnChange = false,
        };
        builder.Configuration.Sources.Insert(0, source);
        return builder;
    }

    /// <summary>Resolves a configured folder against a base folder unless it is absolute.</summary>
    public static string ResolvePath(string? configured, string fallback, string baseDirectory) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? fallback : configured, baseDirectory);
}
