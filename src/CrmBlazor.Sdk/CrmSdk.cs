namespace CrmBlazor.Sdk;

/// <summary>Facts about the SDK the host was built with.</summary>
public static class CrmSdk
{
    /// <summary>
    /// The SDK version (semantic: a minor version adds API, a major one removes or changes it). Plugins
    /// declare the range of SDK versions they work with in their <c>plugin.json</c>
    /// (<c>"sdk": "[1.1,2.0)"</c>); the host refuses a plugin whose range excludes it.
    /// </summary>
    public static Version Version { get; } = typeof(CrmSdk).Assembly.GetName().Version!;
}
