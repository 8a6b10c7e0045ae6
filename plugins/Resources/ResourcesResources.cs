namespace CrmBlazor.Plugins.Resources;

/// <summary>Marker of the plugin's resources (<c>Resources/ResourcesResources.resx</c>); the English text is the key.</summary>
public sealed class ResourcesResources;
