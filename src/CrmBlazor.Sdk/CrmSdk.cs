namespace CrmBlazor.Sdk;

/// <summary>Facts about the SDK the host was built with.</summary>
public static class CrmSdk
{
    /// <summary>
    /// The SDK version. Plugins declare the range of SDK versions they work with in their
    /// <c>plugin.json</c> (<c>"sdk": "[1.0,2.0)"</c>); the host refuses a plugin whose range excludes it.
    /// </summary>
    public static Version Version { get; } = typeof(CrmSdk).Assembly.GetName().Version ?? new Version(1, 0, 0);
}
