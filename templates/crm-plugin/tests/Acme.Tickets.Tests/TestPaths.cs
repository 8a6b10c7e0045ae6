using System.Reflection;

namespace Acme.Tickets.Tests;

/// <summary>Folders of the plugin's project that the test project records at build time.</summary>
internal static class TestPaths
{
    public static string PluginDirectory => Metadata("PluginDirectory");

    public static string ResourcesDirectory => Metadata("ResourcesDirectory");

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
