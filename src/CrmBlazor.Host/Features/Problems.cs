namespace CrmBlazor.Host.Features;

/// <summary>Messages per field as <see cref="Problem"/>s for a <see cref="ChangeResult"/>.</summary>
internal static class Problems
{
    /// <summary>English messages per field (validation, segment rules), each its own resource key.</summary>
    /// <param name="messages">The messages per field ("" for the whole record).</param>
    public static Dictionary<string, Problem[]> Of(IReadOnlyDictionary<string, string[]> messages) =>
        messages.ToDictionary(m => m.Key, m => m.Value.Select(text => new Problem(text)).ToArray(), StringComparer.Ordinal);
}
