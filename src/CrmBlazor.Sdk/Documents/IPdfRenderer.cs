namespace CrmBlazor.Sdk.Documents;

/// <summary>
/// Renders a <see cref="Document"/> as PDF. The host provides it; inject it into a plugin's services
/// or components. It is thread-safe: render as many documents in parallel as you like.
/// </summary>
/// <remarks>
/// The PDF embeds subsets of the host's fonts (Noto, SIL Open Font License), so text looks the same on
/// every machine, and readers can search and copy the original text in every supported script.
/// </remarks>
public interface IPdfRenderer
{
    /// <summary>Renders a document and writes the PDF to a stream.</summary>
    /// <param name="document">The document.</param>
    /// <param name="output">Where the PDF is written, from its current position; left open.</param>
    /// <param name="cancellationToken">Stops rendering; nothing more is written to <paramref name="output"/>.</param>
    /// <returns>The number of pages written.</returns>
    Task<int> RenderAsync(Document document, Stream output, CancellationToken cancellationToken = default);
}
