using CrmBlazor.Sdk.Plugins;

namespace CrmBlazor.Fixtures.Broken;

/// <summary>Fails while configuring, as a plugin with a bug or a missing setting would.</summary>
public sealed class BrokenPlugin : ICrmPlugin
{
    public const string FailureMessage = "Fixture Broken refuses to start: this failure is deliberate.";

    public void Configure(IPluginBuilder plugin) => throw new InvalidOperationException(FailureMessage);
}
