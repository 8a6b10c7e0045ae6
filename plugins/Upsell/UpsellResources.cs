namespace CrmBlazor.Plugins.Upsell;

/// <summary>Marker of the plugin's resources (<c>Resources/UpsellResources.resx</c>); the English text is the key.</summary>
public sealed class UpsellResources;
