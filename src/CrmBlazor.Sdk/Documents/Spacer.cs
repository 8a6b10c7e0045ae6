namespace CrmBlazor.Sdk.Documents;

/// <summary>Empty vertical space; it does not carry over to the next page.</summary>
/// <param name="height">The height in points.</param>
public sealed class Spacer(float height) : Block
{
    /// <summary>The height in points.</summary>
    public float Height { get; } = height >= 0 ? height : throw new ArgumentOutOfRangeException(nameof(height), height, "A spacer's height cannot be negative.");
}
