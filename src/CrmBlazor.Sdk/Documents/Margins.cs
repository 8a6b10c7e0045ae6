namespace CrmBlazor.Sdk.Documents;

/// <summary>Space around an area, in points. Left and right are physical sides, also for right-to-left text.</summary>
/// <param name="Left">The left side.</param>
/// <param name="Top">The top side.</param>
/// <param name="Right">The right side.</param>
/// <param name="Bottom">The bottom side.</param>
public readonly record struct Margins(float Left, float Top, float Right, float Bottom)
{
    /// <summary>The same space on all four sides.</summary>
    /// <param name="points">The space in points.</param>
    public static Margins All(float points) => new(points, points, points, points);

    /// <summary>One space left and right, another top and bottom.</summary>
    /// <param name="horizontal">Left and right, in points.</param>
    /// <param name="vertical">Top and bottom, in points.</param>
    public static Margins Symmetric(float horizontal, float vertical) => new(horizontal, vertical, horizontal, vertical);
}
