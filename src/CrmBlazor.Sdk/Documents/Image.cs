namespace CrmBlazor.Sdk.Documents;

/// <summary>A PNG or JPEG picture, such as a logo. JPEG data is embedded as it is.</summary>
public sealed class Image : Block
{
    /// <summary>A picture.</summary>
    /// <param name="data">The PNG or JPEG file's bytes.</param>
    public Image(ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("The image has no data.", nameof(data));
        }

        Data = data;
    }

    /// <summary>The PNG or JPEG file's bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The width in points; null for the picture's own size at 96 dpi (or what <see cref="Height"/> implies), never wider than the available width.</summary>
    public float? Width { get; init; }

    /// <summary>The height in points; null to keep the picture's proportions.</summary>
    public float? Height { get; init; }

    /// <summary>Where the picture sits between the edges.</summary>
    public TextAlignment Alignment { get; init; } = TextAlignment.Left;
}
