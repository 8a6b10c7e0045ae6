using CrmBlazor.Documents.Layout;
using CrmBlazor.Documents.Rendering;
using CrmBlazor.Documents.Text;
using CrmBlazor.Sdk.Documents;
using SkiaSharp;

namespace CrmBlazor.Documents;

/// <summary>
/// The host's <see cref="IPdfRenderer"/>: lays a document out (BiDi, font fallback, HarfBuzz shaping,
/// line and page breaking) and paints it with Skia's PDF backend, embedding font subsets.
/// A singleton: fonts, prepared subsetters, font subsets and the shaped-run cache are shared by all renders, which
/// may run in parallel.
/// </summary>
public sealed class PdfRenderer : IPdfRenderer
{
    private readonly DocumentLayouter _layouter = new(FontCollection.Embedded, new TextShaper());
    private readonly PdfPainter _painter = new(new FontSubsetCache());

    /// <inheritdoc />
    public async Task<int> RenderAsync(Document document, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        using var layout = _layouter.Layout(document, cancellationToken);

        // Skia writes the file in many small pieces. A file gets them as they come, so a long document
        // never sits in memory whole. Otherwise they go to native memory (no call back into .NET per
        // piece) and then to the output in one write, asynchronously for streams that need it (an HTTP
        // response refuses synchronous writes). The buffer cannot be emptied page by page: Skia takes
        // the objects' offsets for the cross-reference table from the count of bytes it has written.
        if (output is FileStream)
        {
            using var direct = new SKManagedWStream(output, disposeManagedStream: false);
            _painter.Paint(layout, document, direct, cancellationToken);
            return layout.Pages.Count;
        }

        using var buffer = new SKDynamicMemoryWStream();
        _painter.Paint(layout, document, buffer, cancellationToken);
        using var data = buffer.DetachAsData();
        if (output is MemoryStream)
        {
            output.Write(data.AsSpan());
        }
        else
        {
            await using var file = data.AsStream();
            await file.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        }

        return layout.Pages.Count;
    }
}
