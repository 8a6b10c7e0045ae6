using CrmBlazor.Sdk.Documents;

namespace CrmBlazor.Documents.Layout;

/// <summary>A text style with every property decided.</summary>
internal readonly record struct ResolvedStyle(float Size, bool Bold, DocumentColor Color)
{
    public static ResolvedStyle From(TextStyle style) => new(
        style.Size is > 0 and var size ? size : 10,
        style.Weight == FontWeight.Bold,
        style.Color ?? DocumentColor.Black);
}
