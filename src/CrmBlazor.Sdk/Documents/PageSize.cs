namespace CrmBlazor.Sdk.Documents;

/// <summary>The size of a page in points (1/72 inch).</summary>
/// <param name="Width">The width.</param>
/// <param name="Height">The height.</param>
public readonly record struct PageSize(float Width, float Height)
{
    /// <summary>ISO A4, 210 × 297 mm, portrait.</summary>
    public static PageSize A4 { get; } = new(595.28f, 841.89f);

    /// <summary>US Letter, 8.5 × 11 in, portrait.</summary>
    public static PageSize Letter { get; } = new(612, 792);

    /// <summary>The same size turned on its side (width and height swapped).</summary>
    public PageSize Landscape() => new(Math.Max(Width, Height), Math.Min(Width, Height));
}
