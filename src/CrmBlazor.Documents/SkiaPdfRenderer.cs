using CrmBlazor.Documents.Layout;
using CrmBlazor.Documents.Rendering;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;
using SkiaSharp;

namespace CrmBlazor.Documents;

/// <summary>
/// The host's <see cref="IPdfRenderer"/>: lays a document out (BiDi, font fallback, HarfBuzz shaping,
/// line and page breaking) and paints it with Skia's PDF backend, embedding font subsets.
/// A singleton: fonts, prepared subsetters and the shaped-run cache are shared by all renders, which
/// may run in parallel.
/// </summary>
public sealed class SkiaPdfRenderer : IPdfRenderer
{
    private readonly DocumentLayouter _layouter = new(FontCollection.Embedded, new TextShaper());

    /// <inheritdoc />
    public async Task<int> RenderAsync(Document document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        using var layout = _layouter.Layout(document, cancellationToken);

        // Skia writes synchronously. Streams that allow it are written directly; others (an HTTP
        // response, which refuses synchronous writes) get the finished file asynchronously.
        if (output is MemoryStream or FileStream)
        {
            using var direct = new SKManagedWStream(output, disposeManagedStream: false);
            PdfPainter.Paint(layout, document, direct, cancellationToken);
            return layout.Pages.Count;
        }

        using var spool = new MemoryStream();
        using (var spoolStream = new SKManagedWStream(spool, disposeManagedStream: false))
        {
            PdfPainter.Paint(layout, document, spoolStream, cancellationToken);
        }

        spool.Position = 0;
        await spool.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        return layout.Pages.Count;
    }
}
