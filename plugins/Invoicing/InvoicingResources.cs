namespace CrmBlazor.Plugins.Invoicing;

/// <summary>Marker of the plugin's resources (<c>Resources/InvoicingResources.resx</c>); the English text is the key.</summary>
public sealed class InvoicingResources;
