namespace CrmBlazor.Sdk.Formatting;

/// <summary>
/// The colours of chart series (a chart's <c>ChartPalette</c>), the one palette of the core's and the plugins'
/// charts. Each stands at least 3:1 against the white of a card, as WCAG 2.2 asks of graphics (1.4.11), and
/// neighbours differ in hue and lightness so that they stay apart for colour-blind eyes too: the first two, blue
/// and orange, for a chart of two series.
/// </summary>
public static class ChartColours
{
    /// <summary>Blue, 6.6:1 on white.</summary>
    public const string Blue = "#2a5ca8";

    /// <summary>Orange, 5.0:1 on white.</summary>
    public const string Orange = "#b45309";

    /// <summary>Teal, 5.1:1 on white.</summary>
    public const string Teal = "#0b7a7c";

    /// <summary>Purple, 5.8:1 on white.</summary>
    public const string Purple = "#7b52ab";

    /// <summary>Red, 5.6:1 on white: for what went wrong (complaints, overdue).</summary>
    public const string Red = "#c62828";

    /// <summary>Green, 5.1:1 on white.</summary>
    public const string Green = "#2e7d32";

    /// <summary>Magenta, 7.0:1 on white.</summary>
    public const string Magenta = "#ad1457";

    /// <summary>Slate grey, 5.4:1 on white: for the least prominent series ("other", "non-billable").</summary>
    public const string Slate = "#5f6b7a";

    /// <summary>The colours in the order a chart's series take them.</summary>
    public static IReadOnlyList<string> Series { get; } = [Blue, Orange, Teal, Purple, Red, Green, Magenta, Slate];
}
