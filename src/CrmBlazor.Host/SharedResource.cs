namespace CrmBlazor.Host;

/// <summary>
/// Marker for the host's UI strings in <c>Resources/SharedResource.resx</c> (English, complete) and
/// its translations (<c>SharedResource.ta.resx</c>, ...). Inject <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;
