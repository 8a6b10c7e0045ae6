using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Layout;

/// <summary>Something to draw on a page, positioned in points from the page's top-left corner (y grows downwards).</summary>
internal abstract record PageItem
{
    /// <summary>The same item moved by an offset.</summary>
    public abstract PageItem Offset(float dx, float dy);
}

/// <summary>A run of glyphs whose origin is at <see cref="X"/> on the baseline <see cref="Baseline"/>.</summary>
internal sealed record TextItem(float X, float Baseline, GlyphRun Run) : PageItem
{
    public override PageItem Offset(float dx, float dy) => this with { X = X + dx, Baseline = Baseline + dy };
}

/// <summary>A straight line.</summary>
internal sealed record LineItem(float X1, float Y1, float X2, float Y2, float Thickness, DocumentColor Color) : PageItem
{
    public override PageItem Offset(float dx, float dy) => this with { X1 = X1 + dx, Y1 = Y1 + dy, X2 = X2 + dx, Y2 = Y2 + dy };
}

/// <summary>A filled rectangle (a row's background).</summary>
internal sealed record FillItem(float X, float Y, float Width, float Height, DocumentColor Color) : PageItem
{
    public override PageItem Offset(float dx, float dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A picture scaled into a rectangle.</summary>
internal sealed record ImageItem(float X, float Y, float Width, float Height, ImageSource Image) : PageItem
{
    public override PageItem Offset(float dx, float dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>What one page shows, in drawing order.</summary>
internal sealed class LaidOutPage
{
    public List<PageItem> Items { get; } = [];
}

/// <summary>A document broken into pages, ready to paint.</summary>
internal sealed class DocumentLayout(PageSize pageSize, IReadOnlyList<LaidOutPage> pages) : IDisposable
{
    private readonly List<ImageSource> _images = [];

    public PageSize PageSize { get; } = pageSize;

    public IReadOnlyList<LaidOutPage> Pages { get; } = pages;

    /// <summary>Hands the document's decoded pictures to the layout, which frees them when disposed.</summary>
    public void Own(IEnumerable<ImageSource> images) => _images.AddRange(images);

    public void Dispose()
    {
        foreach (var image in _images)
        {
            image.Dispose();
        }
    }
}
