using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CrmBlazor.Sdk.Components;

/// <summary>
/// Wraps a chart (a <c>MudChart</c>) in a figure named by <see cref="Title"/>, with the same figures as a table
/// (<see cref="Table"/>): screen readers get the table in place of the drawing, which says nothing to them, and a
/// button shows the table instead of the chart to anyone who would rather read the numbers. Every chart of the
/// core and the plugins is shown this way.
/// </summary>
public sealed partial class ChartFigure
{
    // SDK messages: the resource sync tools add them to the host's and every plugin's resources.
    internal const string ShowTableMessage = "Show as table";
    internal const string ShowChartMessage = "Show as chart";

    private bool _asTable;

    /// <summary>What the chart shows ("Invoiced and paid, last 6 months"), already localised: the figure's accessible name and the table's caption.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = default!;

    /// <summary>The figures the chart draws.</summary>
    [Parameter, EditorRequired]
    public ChartTable Table { get; set; } = default!;

    /// <summary>The chart.</summary>
    [Parameter, EditorRequired]
    public RenderFragment ChildContent { get; set; } = default!;

    /// <summary>The page's localizer (<c>L</c>), for the button's text (SDK messages).</summary>
    [Parameter, EditorRequired]
    public IStringLocalizer Localizer { get; set; } = default!;

    /// <summary>CSS classes added to the figure.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Other attributes (<c>data-testid</c>…), passed to the figure.</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? Attributes { get; set; }
}
