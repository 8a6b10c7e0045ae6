using CrmBlazor.Sdk.Authorization;
using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Fixtures.Incompatible;

/// <summary>
/// A plugin that would work, but whose manifest asks for SDK 99: the host must refuse it without
/// loading it, so its permission never appears.
/// </summary>
public sealed class IncompatiblePlugin : ICrmPlugin
{
    public void Configure(IPluginBuilder plugin) =>
        plugin.AddPermission(new Permission("fixture-incompatible.view", "Never granted", CrmRoles.Staff));
}
