namespace Acme.Tickets;

/// <summary>Marker of the plugin's texts (<c>Resources/TicketsResources.resx</c> and one file per language); the English text is the key.</summary>
public sealed class TicketsResources;
