namespace CrmBlazor.Host.Plugins;

/// <summary>Where a plugin found in the plugins folder stands.</summary>
public enum PluginState
{
    /// <summary>Loaded and running.</summary>
    Loaded,

    /// <summary>Switched off by an administrator; not loaded.</summary>
    Disabled,

    /// <summary>Its manifest is missing or invalid.</summary>
    Invalid,

    /// <summary>Needs an SDK version this host does not have, or was built against newer shared assemblies.</summary>
    Incompatible,

    /// <summary>A plugin it depends on is absent, refused or of the wrong version.</summary>
    MissingDependency,

    /// <summary>Threw while loading, configuring, migrating or initialising.</summary>
    Failed,
}

/// <summary>The lower-case, hyphenated names used in <c>/healthz</c> and the logs.</summary>
public static class PluginStateNames
{
    /// <summary>The name of a state: <c>loaded</c>, <c>missing-dependency</c>...</summary>
    /// <param name="state">The state.</param>
    public static string Of(PluginState state) => state switch
    {
        PluginState.MissingDependency => "missing-dependency",
        _ => state.ToString().ToLowerInvariant(),
    };
}
