namespace CrmBlazor.Sdk.Documents;

/// <summary>
/// How text looks. Unset properties (null) are inherited: a span from its paragraph, a paragraph from
/// its table cell or the document's <see cref="Document.DefaultStyle"/>.
/// </summary>
public sealed record TextStyle
{
    /// <summary>10 pt, normal weight, black: the document default unless <see cref="Document.DefaultStyle"/> says otherwise.</summary>
    public static TextStyle Default { get; } = new() { Size = 10, Weight = FontWeight.Normal, Color = DocumentColor.Black };

    /// <summary>The font size in points.</summary>
    public float? Size { get; init; }

    /// <summary>The weight.</summary>
    public FontWeight? Weight { get; init; }

    /// <summary>The colour.</summary>
    public DocumentColor? Color { get; init; }

    /// <summary>Returns this style with every unset property taken from <paramref name="parent"/>.</summary>
    /// <param name="parent">The style inherited from, or null.</param>
    public TextStyle InheritFrom(TextStyle? parent) => parent is null
        ? this
        : new TextStyle { Size = Size ?? parent.Size, Weight = Weight ?? parent.Weight, Color = Color ?? parent.Color };
}

/// <summary>The weight of a font.</summary>
public enum FontWeight
{
    /// <summary>Regular text.</summary>
    Normal,

    /// <summary>Bold text.</summary>
    Bold,
}
