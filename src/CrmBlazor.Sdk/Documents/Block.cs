namespace CrmBlazor.Sdk.Documents;

/// <summary>
/// Something laid out in the flow of a document, one below the other: <see cref="Paragraph"/>,
/// <see cref="Table"/>, <see cref="Image"/>, <see cref="Spacer"/>, <see cref="HorizontalRule"/> or <see cref="PageBreak"/>.
/// </summary>
public abstract class Block
{
    private protected Block()
    {
    }

    /// <summary>Extra space above the block, in points.</summary>
    public float SpaceBefore { get; init; }

    /// <summary>Extra space below the block, in points.</summary>
    public float SpaceAfter { get; init; }
}
