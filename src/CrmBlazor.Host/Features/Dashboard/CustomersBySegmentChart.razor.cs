using System.Globalization;
using CrmBlazor.Sdk.Components;
using CrmBlazor.Sdk.Formatting;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmBlazor.Host.Features.Dashboard;

/// <summary>
/// The largest segments as bars, one colour each, with a legend of links to each segment's customers.
/// Segments overlap (a customer can be in several), so bars, never a pie.
/// </summary>
public partial class CustomersBySegmentChart
{
    private List<ChartSeries<int>> _series = [];
    private string[] _labels = [];
    private BarChartOptions _options = new();
    private ChartTable _table = new(string.Empty, [], []);

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The segments to show.</summary>
    [Parameter, EditorRequired]
    public SegmentSizes Sizes { get; set; } = default!;

    /// <summary>The customer list filtered to a segment.</summary>
    /// <param name="segment">The segment.</param>
    public static string SegmentHref(SegmentSize segment) =>
        "/customers?segment=" + segment.Id.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        var culture = CultureInfo.CurrentCulture;
        _labels = [string.Empty];
        _series = [.. Sizes.Largest.Select(s => new ChartSeries<int>
        {
            Name = s.Name,
            Data = new[] { s.Members },
            TooltipTitleFormat = "{{SERIES_NAME}}: {{Y_VALUE}}",
            TooltipYValueFormat = "N0",
        })];
        _options = new BarChartOptions
        {
            ChartPalette = [.. Sizes.Largest.Select((_, index) => Colour(index))],
            ShowLegend = false,
            YAxisTitle = L["Customers"],
            YAxisToStringFunc = value => value.ToString("N0", culture),
            YAxisTicks = ChartScale.Step(Sizes.Largest.Select(s => s.Members).DefaultIfEmpty().Max()),
        };
        _table = new ChartTable(L["Segment"], [L["Customers"]], [.. Sizes.Largest.Select(s => new ChartTableRow(s.Name, [Number(s.Members)]))]);
    }

    private static string Colour(int index) => ChartColours.Series[index % ChartColours.Series.Count];

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentCulture);

    private void OpenSegment(int index)
    {
        if (index >= 0 && index < Sizes.Largest.Count)
        {
            Navigation.NavigateTo(SegmentHref(Sizes.Largest[index]));
        }
    }
}
