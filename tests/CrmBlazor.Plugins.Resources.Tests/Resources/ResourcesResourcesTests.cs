using CrmBlazor.Testing.Resources;

namespace CrmBlazor.Plugins.Resources.Tests.Resources;

/// <summary>The resource allocation plugin's resources (see <see cref="PluginResourceTests"/>).</summary>
public sealed class ResourcesResourcesTests() : PluginResourceTests("Resources", "ResourcesResources", "You can plan only the people of your team.", "{0} h of {1} h in week {2} of {3}", "Enter the team's name.");
