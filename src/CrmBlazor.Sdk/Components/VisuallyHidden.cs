namespace CrmBlazor.Sdk.Components;

/// <summary>
/// Keeps an element out of sight but in the accessibility tree, for what only screen readers need (a live
/// region's announcements, a chart's table, a table's caption, a cell's figures in words). An inline style,
/// because the SDK brings no stylesheet of its own; plugins use it too rather than a rule of their own:
/// <c>&lt;caption style="@VisuallyHidden.Style"&gt;</c>.
/// </summary>
public static class VisuallyHidden
{
    /// <summary>The style: one clipped pixel, out of the flow.</summary>
    public const string Style = "position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0";
}
